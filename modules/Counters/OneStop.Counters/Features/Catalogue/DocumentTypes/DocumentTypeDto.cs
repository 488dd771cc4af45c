namespace OneStop.Counters.Features.Catalogue.DocumentTypes;

/// <summary>
/// A document type as the code list shows it: <c>InUse</c> is on today (Vietnam time); <c>UsedByProcedures</c> counts
/// the procedures whose latest version has a component naming the code.
/// </summary>
internal sealed record DocumentTypeDto(string Code, string Name, DateOnly? RetiredFrom, bool InUse, int UsedByProcedures);
