using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Integration.Contracts;
using OneStop.Platform.Localization;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;
using OneStop.Portal.Contracts;
using OneStop.Portal.Infrastructure;
using PlatformTime = OneStop.Platform.Domain.VietnamTime;

namespace OneStop.Portal.Features.Submissions;

/// <summary>What one save of the wizard sends: the choices, the e-form's inputs, the files and the reused documents per component.</summary>
internal sealed record DraftInput(
    Guid? UnitId, string? ReturnMethod, string? ApplicantAddress, bool ReuseConsent,
    IReadOnlyDictionary<string, string?> FormInputs, IReadOnlyDictionary<string, IFormFile> Files, IReadOnlyDictionary<string, Guid> Reused);

/// <summary>
/// The online submission's drafts (ADR 0049): kept in PostgreSQL under the citizen's verified identity; a save checks
/// the e-form through Counters and passes each file through the kernel's upload guard before anything is written, so a
/// form that fails or a refused file leaves the draft as it was; payment through Integration's payment platform; submit
/// through Counters' <see cref="ICitizenSubmissionApi"/>, taken once by an atomic status change.
/// </summary>
internal sealed class SubmissionDrafts(
    PortalDbContext db, ICurrentScope scope, ICitizenSubmissionApi counters, UploadGuard guard, TimeProvider clock, IServiceProvider services)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const string UploadRejected = "Portal.Submission.UploadRejected";
    public static readonly UploadRules Rules = new(MaxFileBytes, [FileTypes.Pdf, FileTypes.Jpeg, FileTypes.Png], UploadRejected);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A draft of this citizen's, or null (someone else's draft is as absent as a missing one).</summary>
    public Task<SubmissionDraft?> OwnedAsync(SignedInCitizen citizen, Guid id, CancellationToken ct) =>
        db.SubmissionDrafts.FirstOrDefaultAsync(d => d.Id == id && d.OwnerKind == KindOf(citizen) && d.OwnerIdentity == citizen.ApplicantIdentity, ct);

    /// <summary>The citizen's draft of this procedure still being prepared, if any.</summary>
    public Task<SubmissionDraft?> OpenAsync(SignedInCitizen citizen, string procedureCode, CancellationToken ct) =>
        db.SubmissionDrafts.Where(d => d.ProcedureCode == procedureCode && d.Status == SubmissionDraft.Drafting
                && d.OwnerKind == KindOf(citizen) && d.OwnerIdentity == citizen.ApplicantIdentity)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);

    public static IReadOnlyList<SubmissionDraftComponent> ComponentsOf(SubmissionDraft? draft) =>
        draft is null ? [] : JsonSerializer.Deserialize<List<SubmissionDraftComponent>>(draft.ComponentsJson, Json) ?? [];

    /// <summary>
    /// Saves the wizard's page into the draft (creating it on the first save). Answers the messages per field when the
    /// e-form, the unit, the return method or a file is refused; nothing is then written and no file kept.
    /// </summary>
    public async Task<(SubmissionDraft? Draft, Dictionary<string, string[]> Errors)> SaveAsync(
        SignedInCitizen citizen, CitizenSubmissionForm form, SubmissionDraft? draft, DraftInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var check = await counters.CheckFormAsync(form.ProcedureCode, input.FormInputs, ct);
        foreach (var (key, messages) in check.Errors)
        {
            errors["Form." + key] = messages;
        }

        var unit = input.UnitId is { } unitId ? form.Units.FirstOrDefault(u => u.Id == unitId) : null;
        if (unit is null)
        {
            errors["UnitId"] = [Messages.Text(input.UnitId is null ? SubmissionMessages.UnitRequired : CountersErrorCodes.SubmissionUnitNotReceiving)];
        }

        if (input.ReturnMethod is null || !form.ReturnMethods.Contains(input.ReturnMethod))
        {
            errors["ReturnMethod"] = [Messages.Text(SubmissionMessages.ReturnMethodRequired)];
        }

        if (input.ApplicantAddress is { Length: > 512 })
        {
            errors["ApplicantAddress"] = [Messages.Text(SubmissionMessages.AddressTooLong)];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var components = ComponentsOf(draft).ToDictionary(c => c.DocumentTypeCode, StringComparer.Ordinal);
        var listed = form.Components.Select(c => c.DocumentTypeCode).ToHashSet(StringComparer.Ordinal);
        using var actor = scope.Change(scope.Unit, null, Actor(citizen));
        if (input.Reused.Count > 0)
        {
            // Only documents the chosen unit may reuse with the citizen's consent, as intake will check again.
            var offered = input.ReuseConsent ? await ReusableAsync(citizen, form, unit!, ct) : [];
            foreach (var (code, documentId) in input.Reused.Where(r => listed.Contains(r.Key)))
            {
                if (offered.FirstOrDefault(d => d.DocumentId == documentId && d.DocumentTypeCode == code) is not { } document)
                {
                    errors["Components." + code] = [Messages.Text(SubmissionMessages.ReusedNotAvailable)];
                    continue;
                }

                components[code] = new SubmissionDraftComponent(code, null, null, document.DocumentId, document.Name);
            }

            if (errors.Count > 0)
            {
                return (null, errors);
            }
        }

        foreach (var (code, file) in input.Files.Where(f => listed.Contains(f.Key) && f.Value.Length > 0))
        {
            try
            {
                await using var stream = file.OpenReadStream();
                var accepted = await guard.AcceptAsync(file.FileName, stream, Rules, ct);
                components[code] = new SubmissionDraftComponent(code, accepted.FileName, accepted.Blob.Key, null, null, accepted.ContentType, accepted.Blob.Length);
            }
            catch (UploadRejectedException refused)
            {
                // The guard has removed this file and the ones this request stored before it: the draft stays as it was.
                errors["Components." + code] = [refused.Message];
                return (null, errors);
            }
        }

        if (draft is null)
        {
            draft = new SubmissionDraft
            {
                OwnerKind = KindOf(citizen), OwnerIdentity = citizen.ApplicantIdentity, ProcedureCode = form.ProcedureCode, ProcedureName = form.ProcedureName,
            };
            db.SubmissionDrafts.Add(draft);
        }

        if (input.ReuseConsent && (!draft.ReuseConsent || draft.UnitId != unit!.Id))
        {
            await ConsentAsync(citizen, form, unit!, ct);
        }

        draft.UnitId = unit!.Id;
        draft.UnitName = unit.Name;
        draft.ReturnMethod = input.ReturnMethod!;
        draft.ApplicantAddress = string.IsNullOrWhiteSpace(input.ApplicantAddress) ? null : input.ApplicantAddress.Trim();
        draft.FormDataJson = check.DataJson ?? "{}";
        draft.ReuseConsent = input.ReuseConsent;
        draft.ComponentsJson = JsonSerializer.Serialize(components.Values.OrderBy(c => c.DocumentTypeCode, StringComparer.Ordinal).ToList(), Json);
        draft.FeeVnd = form.OnlineFeeVnd;
        await db.SaveChangesAsync(ct);
        return (draft, errors);
    }

    /// <summary>The documents of the citizen's data store the chosen unit may reuse (asked in that unit's scope, after consent).</summary>
    public async Task<IReadOnlyList<ReusableDocument>> ReusableAsync(SignedInCitizen citizen, CitizenSubmissionForm form, CitizenSubmissionUnit unit, CancellationToken ct)
    {
        if (services.GetService<IDigitizationApi>() is not { } store || form.Components.Count == 0)
        {
            return [];
        }

        using var _ = scope.Change(new UnitScope(unit.Id, unit.Path, unit.Name), null, Actor(citizen));
        return await store.FindReusableDocumentsAsync(citizen.ApplicantIdentity, form.Components.Select(c => c.DocumentTypeCode).ToList(), PlatformTime.Today(clock), ct);
    }

    /// <summary>Sends the citizen to the payment platform for the draft's fee; the order's reference is the draft's own.</summary>
    public async Task<OnlinePaymentOrder> PayAsync(SignedInCitizen citizen, CitizenSubmissionForm form, SubmissionDraft draft, string returnUrl, CancellationToken ct)
    {
        var unit = form.Units.First(u => u.Id == draft.UnitId);
        // One reference per draft and amount: a changed fee is a new order, never a second charge on the old one.
        draft.PaymentReference ??= $"DVC-{draft.Id:N}-{decimal.ToInt64(form.OnlineFeeVnd)}";
        if (!draft.PaymentReference.EndsWith("-" + decimal.ToInt64(form.OnlineFeeVnd), StringComparison.Ordinal))
        {
            draft.PaymentReference = $"DVC-{draft.Id:N}-{decimal.ToInt64(form.OnlineFeeVnd)}";
        }

        using var _ = scope.Change(scope.Unit, null, Actor(citizen));
        draft.FeeVnd = form.OnlineFeeVnd;
        await db.SaveChangesAsync(ct);
        return await services.GetRequiredService<IOnlinePaymentApi>().CreateOrderAsync(new OnlinePaymentRequest(
            draft.PaymentReference, form.OnlineFeeVnd, $"{form.ProcedureName} — {unit.Name}", returnUrl, unit.Id, unit.Path, citizen.ApplicantIdentity), ct);
    }

    public async Task<OnlinePaymentState?> PaymentAsync(SubmissionDraft draft, CancellationToken ct) =>
        draft.PaymentReference is { } reference && services.GetService<IOnlinePaymentApi>() is { } payments ? await payments.FindAsync(reference, ct) : null;

    /// <summary>Files the draft once; answers the receipt, or the messages that kept it a draft.</summary>
    public async Task<(CitizenSubmissionReceipt? Receipt, List<string> Errors)> SubmitAsync(SignedInCitizen citizen, SubmissionDraft draft, CancellationToken ct)
    {
        var payment = await PaymentAsync(draft, ct);
        var kind = KindOf(citizen);
        var taken = await db.SubmissionDrafts
            .Where(d => d.Id == draft.Id && d.Status == SubmissionDraft.Drafting && d.OwnerKind == kind && d.OwnerIdentity == citizen.ApplicantIdentity)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, SubmissionDraft.Submitting), ct);
        if (taken == 0)
        {
            return (null, [Messages.Text(SubmissionMessages.AlreadySubmitted)]);
        }

        try
        {
            var receipt = await counters.SubmitAsync(new CitizenSubmissionRequest(
                draft.Id.ToString("N"), draft.ProcedureCode, draft.UnitId ?? Guid.Empty,
                kind, citizen.ApplicantIdentity, citizen.DisplayName, citizen.IsOrganisation ? null : citizen.DateOfBirth, draft.ApplicantAddress,
                citizen.Phone, citizen.Email,
                ComponentsOf(draft).Select(c => new CitizenSubmittedComponent(c.DocumentTypeCode, c.ReusedDocumentId, c.FileName, c.BlobKey, c.ContentType, c.Length)).ToList(),
                draft.ReturnMethod, draft.FormDataJson,
                payment is { Paid: true } ? payment.AmountVnd : null, payment is { Paid: true } ? payment.TransactionId : null), ct);
            using var _ = scope.Change(scope.Unit, null, Actor(citizen));
            await db.Entry(draft).ReloadAsync(ct);
            draft.Status = SubmissionDraft.Submitted;
            draft.DossierCode = receipt.DossierCode;
            await db.SaveChangesAsync(ct);
            return (receipt, []);
        }
        catch (PlatformException refused)
        {
            await db.SubmissionDrafts.Where(d => d.Id == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, SubmissionDraft.Drafting), ct);
            var messages = new List<string> { refused.Message };
            messages.AddRange(refused.Errors?.Values.SelectMany(v => v) ?? []);
            return (null, messages);
        }
    }

    private async Task ConsentAsync(SignedInCitizen citizen, CitizenSubmissionForm form, CitizenSubmissionUnit unit, CancellationToken ct)
    {
        if (services.GetService<IDigitizationApi>() is not { } store)
        {
            return;
        }

        // Consent is given here, to the unit that will receive the dossier, and recorded in that unit's scope (ADR 0035).
        using var _ = scope.Change(new UnitScope(unit.Id, unit.Path, unit.Name), null, Actor(citizen));
        await store.RecordConsentAsync(citizen.ApplicantIdentity, true, $"Nộp hồ sơ trực tuyến: {form.ProcedureName}", ct);
    }

    private static string KindOf(SignedInCitizen citizen) => citizen.IsOrganisation ? ApplicantKinds.Organisation : ApplicantKinds.Citizen;

    /// <summary>The audit trail names the citizen masked, as on their other writes (ADR 0048).</summary>
    private static string Actor(SignedInCitizen citizen) => "VNeID ••••" + citizen.ApplicantIdentity[^4..];
}
