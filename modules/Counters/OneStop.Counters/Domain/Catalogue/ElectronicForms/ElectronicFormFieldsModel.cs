namespace OneStop.Counters.Domain.Catalogue.ElectronicForms;

/// <summary>
/// What the partial <c>Shared/_ElectronicFormFields</c> renders: the <paramref name="Form"/>'s fields, filled with
/// <paramref name="Values"/> (from <see cref="ElectronicForm.ToInputs"/> or as posted), each input named
/// <c>{NamePrefix}[{Key}]</c>, with the <paramref name="Errors"/> of each field under it.
/// </summary>
internal sealed record ElectronicFormFieldsModel(ElectronicForm Form, IReadOnlyDictionary<string, string?> Values, string NamePrefix,
    IReadOnlyDictionary<string, string[]>? Errors);
