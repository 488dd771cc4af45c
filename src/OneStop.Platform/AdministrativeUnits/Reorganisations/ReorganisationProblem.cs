namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>Why a change set cannot be applied, in Vietnamese, with the line of the file when there is one.</summary>
public sealed record ReorganisationProblem(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"Dòng {Line}: {Message}" : Message;
}
