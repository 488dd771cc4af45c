using FluentValidation;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.LegalTimeVersions;
using OneStop.Platform.Calendar;

namespace OneStop.Counters.Features.Catalogue.ProcedureVersions;

/// <summary>A component of the new version: its document-type code (from the managed list), name, whether required, how handed in.</summary>
internal sealed record VersionComponentInput(string DocumentTypeCode, string? Name = null, bool Required = true, string? SubmissionForm = null);

/// <summary>A fee of the new version per channel, with who is exempted or pays less.</summary>
internal sealed record VersionFeeInput(string Channel, string Kind, decimal AmountVnd, string? Exemption = null);

/// <summary>
/// Phiên bản mới của thủ tục (ADR 0028): what the procedure is from <see cref="EffectiveFrom"/>, with the reason (the
/// decision that publishes it). A list left null keeps the current one (legal times, fees, components, result types);
/// <see cref="FormSchema"/> null keeps the e-form, empty removes it. Dossiers received earlier keep their version.
/// </summary>
internal sealed record NewProcedureVersionRequest(
    DateOnly EffectiveFrom,
    string Reason,
    string Name,
    string? Field,
    IReadOnlyList<string>? Levels,
    string? ExecutingAgency,
    bool OnlinePartial,
    bool FullyOnline,
    bool PostalAllowed,
    IReadOnlyList<ChannelTimeDto>? LegalTimes = null,
    IReadOnlyList<VersionFeeInput>? Fees = null,
    IReadOnlyList<VersionComponentInput>? Components = null,
    IReadOnlyList<string>? ResultTypes = null,
    string? FormSchema = null,
    bool? PopulationDataConnected = null);

internal sealed class NewProcedureVersionRequestValidator : AbstractValidator<NewProcedureVersionRequest>
{
    public NewProcedureVersionRequestValidator()
    {
        RuleFor(r => r.EffectiveFrom).Must(d => d.Year is >= 2000 and <= 2100).WithErrorCode(ProcedureVersionMessages.EffectiveFromInvalid);
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 1000).WithErrorCode(ProcedureVersionMessages.ReasonRequired);
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 2000).WithErrorCode(CountersMessages.ProcedureNameRequired);
        RuleFor(r => r.Field).MaximumLength(256).WithErrorCode(CountersMessages.ProcedureFieldTooLong);
        RuleFor(r => r.Levels).Must(l => l is { Count: > 0 } && l.All(ResolvingLevels.All.Contains)).WithErrorCode(CountersMessages.ProcedureLevelsRequired);
        RuleFor(r => r.ExecutingAgency).MaximumLength(2000).WithErrorCode(CountersMessages.ProcedureAgencyTooLong);
        RuleFor(r => r.LegalTimes).Must(t => t is null || t.Count > 0).WithErrorCode(CountersMessages.LegalTimesRequired);
        RuleFor(r => r.LegalTimes)
            .Must(t => t is null || (t.All(x => x is not null && Channels.All.Contains(x.Channel)) && t.Select(x => x.Channel).Distinct().Count() == t.Count))
            .WithErrorCode(CountersMessages.LegalTimeChannelsOnce);
        RuleFor(r => r.LegalTimes).Must(t => t is null || t.All(x => x is not null && x.Value is > 0 and <= 3650 && LegalTimeUnits.All.Contains(x.Unit)))
            .WithErrorCode(CountersMessages.LegalTimeValueInvalid);
        RuleFor(r => r.Fees).Must(f => f is null || (f.Count <= ProcedureVersionLimits.MaxFees && f.All(x => x is not null
                && Channels.All.Contains(x.Channel) && FeeKinds.All.Contains(x.Kind) && x.AmountVnd is >= 0 and <= 1_000_000_000_000m
                && (x.Exemption?.Length ?? 0) <= 1000)))
            .WithErrorCode(ProcedureVersionMessages.FeesInvalid);
        RuleFor(r => r.Components).Must(c => c is null || (c.Count <= ProcedureVersionLimits.MaxComponents && c.All(x => x is not null
                && !string.IsNullOrWhiteSpace(x.DocumentTypeCode) && x.DocumentTypeCode.Length <= 64 && (x.Name?.Length ?? 0) <= 1000
                && (x.SubmissionForm is null || SubmissionForms.All.Contains(x.SubmissionForm)))))
            .WithErrorCode(ProcedureVersionMessages.ComponentsInvalid);
        RuleFor(r => r.Components).Must(c => c is null || c.Where(x => x is not null).Select(x => (x.DocumentTypeCode ?? "").Trim().ToUpperInvariant()).Distinct().Count() == c.Count)
            .WithErrorCode(ProcedureVersionMessages.ComponentsRepeated);
        RuleFor(r => r.ResultTypes).Must(t => t is null || (t.Count <= 20 && t.All(x => x is not null && x.Length <= 500 && !x.Contains('\n'))))
            .WithErrorCode(ProcedureVersionMessages.ResultTypesInvalid);
        RuleFor(r => r.FormSchema).Must(s => s is null || s.Length <= ProcedureVersionLimits.FormSchemaLength)
            .WithErrorCode(ProcedureVersionMessages.FormSchemaTooLong);
    }
}
