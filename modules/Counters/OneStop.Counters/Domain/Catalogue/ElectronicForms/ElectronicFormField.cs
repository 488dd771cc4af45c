namespace OneStop.Counters.Domain.Catalogue.ElectronicForms;

/// <summary>
/// One field (trường) of an e-form, read from a property of the schema: <see cref="Key"/> is the property name,
/// <see cref="Title"/> its label, <see cref="Type"/> one of <see cref="ElectronicFormFieldTypes"/>; <see cref="Options"/>
/// are the choices of a "choice" field (empty otherwise), <see cref="Minimum"/>/<see cref="Maximum"/> the bounds of a
/// number, <see cref="MaxLength"/> the longest text.
/// </summary>
internal sealed record ElectronicFormField(string Key, string Title, string? Description, string Type, bool Required,
    IReadOnlyList<string> Options, decimal? Minimum, decimal? Maximum, int? MaxLength);
