namespace OneStop.Counters.Features.Catalogue.LocationIndependence;

internal sealed record DecisionUnitDto(Guid Id, string Name);

internal sealed record DecisionProcedureDto(string Code, string Name);

/// <summary>A decision as the catalogue shows it; <c>InForce</c> is on the day asked (today by default).</summary>
internal sealed record DecisionDto(
    Guid Id, string Number, DateOnly SignedOn, string Signer, string Title, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool InForce,
    bool WholeProvince, IReadOnlyList<DecisionUnitDto> Units, IReadOnlyList<DecisionProcedureDto> Procedures, string? SignedPdfName);
