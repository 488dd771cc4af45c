using OneStop.Digitization.Domain;

namespace OneStop.Digitization.Features.Results;

/// <summary>A line of the register of results issued, as the API and the page show it.</summary>
internal sealed record IssuedResultDto(
    Guid Id, string Source, string CompetentLevel, string IssuingBody, Guid UnitId, string UnitPath, DateOnly IssuedOn, DateOnly? ValidUntil,
    string Name, string ProcedureCode, string ApplicantName, Guid? DossierId, string? DossierCode, Guid? DocumentId, DateTimeOffset? DigitisedAt)
{
    public static IssuedResultDto From(IssuedResult r) => new(r.Id, r.Source, r.CompetentLevel, r.IssuingBody, r.UnitId, r.UnitPath, r.IssuedOn, r.ValidUntil,
        r.Name, r.ProcedureCode, r.ApplicantName, r.DossierId, r.DossierCode, r.DocumentId, r.DigitisedAt);
}

/// <summary>Valid results of one competent level on a day, and those digitised by then (the plan's 30 / 20 / 15 %).</summary>
internal sealed record ResultLevelSummary(string Level, int Valid, int Digitised, decimal? Percent);

/// <summary>A page of the register with the figures by level on the day asked.</summary>
internal sealed record IssuedResultPage(DateOnly ValidOn, IReadOnlyList<ResultLevelSummary> Levels, IReadOnlyList<IssuedResultDto> Items, int Total, int Page, int PageSize);
