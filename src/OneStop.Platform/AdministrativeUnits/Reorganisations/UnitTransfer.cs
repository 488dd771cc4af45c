namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// A unit retired by a change set and those that take over from it, primary first. Successor ids of units the change
/// set creates are provisional in a preview and real when applied; codes identify them in both.
/// </summary>
public sealed record UnitTransfer(Guid PredecessorId, string PredecessorCode, string PredecessorName, string PredecessorPath, IReadOnlyList<UnitTransferTarget> Successors)
{
    public UnitTransferTarget Primary => Successors[0];

    public bool IsSplit => Successors.Count > 1;

    /// <summary>
    /// Where one open item (a dossier) of a split unit goes: the successor named in the applicant's address where it
    /// maps, else the primary one. An admin's choice in the preview overrides both.
    /// </summary>
    public (UnitTransferTarget Target, string Reason) TargetFor(string? address, string? chosenCode = null)
    {
        if (chosenCode is not null && Successors.FirstOrDefault(s => s.Code == chosenCode) is { } chosen)
        {
            return (chosen, "do quản trị viên chọn");
        }

        if (IsSplit && !string.IsNullOrWhiteSpace(address))
        {
            var folded = " " + VietnameseText.Fold(address).Replace(',', ' ').Replace('.', ' ') + " ";
            foreach (var successor in Successors)
            {
                if (folded.Contains(" " + VietnameseText.Fold(ReorganisationFile.BareName(successor.Name)) + " ", StringComparison.Ordinal))
                {
                    return (successor, "theo địa chỉ người nộp (" + successor.Name + ")");
                }
            }
        }

        return (Primary, IsSplit ? "đơn vị kế thừa chính" : "đơn vị kế thừa");
    }
}
