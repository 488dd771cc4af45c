namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>What a line of a change set does; also the first column of the CSV form.</summary>
public static class ReorganisationOperationKinds
{
    public const string CreateUnit = "create-unit";     // thành lập
    public const string RenameUnit = "rename-unit";     // đổi tên
    public const string RetireUnit = "retire-unit";     // sáp nhập (one successor), chia tách (several), giải thể
    public const string CreateAgency = "create-agency";
    public const string RenameAgency = "rename-agency";
    public const string RetireAgency = "retire-agency"; // hợp nhất sở (successor) or giải thể
    public const string MoveAgency = "move-agency";     // chuyển về đơn vị khác

    public static readonly IReadOnlyList<string> All = [CreateUnit, RenameUnit, RetireUnit, CreateAgency, RenameAgency, RetireAgency, MoveAgency];
}
