using OneStop.Platform.Localization;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>Why a change set cannot be applied, in the reader's language (ADR 0020), with the line of the file when there is one.</summary>
public sealed record ReorganisationProblem(int Line, string Message)
{
    public override string ToString() => Line > 0 ? Messages.Text(UnitsMessages.ProblemLine, Line, Message) : Message;
}
