using OneStop.Platform;

namespace OneStop.Evaluation.Contracts;

/// <summary>Permissions of the Evaluation module (<c>Evaluation.*</c>).</summary>
public static class EvaluationPermissions
{
    public const string Access = "Evaluation.Access";

    public static readonly PermissionDefinition[] All =
    [
        new(Access, "Truy cập phân hệ Đánh giá", "Access the Evaluation module", Roles.ProvincialLeader, Roles.UnitLeader, Roles.Inspector, Roles.SystemAdmin),
    ];
}
