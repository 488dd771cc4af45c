namespace OneStop.Counters.Contracts;

/// <summary>Where a dossier component came from (trạng thái số hóa / tái sử dụng thành phần).</summary>
public static class ComponentSources
{
    /// <summary>Submitted by the applicant with this dossier.</summary>
    public const string Submitted = "SUBMITTED";
    /// <summary>Reused from a component of an earlier dossier (kho dữ liệu điện tử).</summary>
    public const string ReusedComponent = "REUSED_COMPONENT";
    /// <summary>Reused from the result of an earlier dossier.</summary>
    public const string ReusedResult = "REUSED_RESULT";
}
