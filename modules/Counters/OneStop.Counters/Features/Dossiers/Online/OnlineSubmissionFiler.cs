using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Integration.Contracts;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using PlatformTime = OneStop.Platform.Domain.VietnamTime;

namespace OneStop.Counters.Features.Dossiers.Online;

/// <summary>
/// Where an online submission goes and how it becomes a dossier. The portal names a unit by code, and codes are
/// reused (10507 was Phường Cẩm Thượng until 2025-06-30, Phường Thành Đông since), so the code is read on the day of
/// the submission (Vietnam time) and the unit found is followed to the one standing for it today through single
/// successors. A code no unit held, a unit split among several, or a refusal at intake goes to the province's review
/// queue with the reason; nothing is dropped.
/// </summary>
internal sealed class OnlineSubmissionFiler(
    CountersDbContext db, IntakeHandler intake, ICurrentScope scope, IAdministrativeUnitDirectory units, TimeProvider clock, ILogger<OnlineSubmissionFiler> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The outcome of reading the code: a unit valid today, or why a person must choose.</summary>
    internal sealed record Destination(AdministrativeUnitInfo? Unit, string? Reason, Guid? Suggested);

    /// <summary>Files <paramref name="e"/> once per portal reference; a reference already recorded is left as it is.</summary>
    public async Task HandleAsync(OnlineDossierSubmitted e, CancellationToken ct)
    {
        if (await db.OnlineSubmissions.IgnoreQueryFilters().AnyAsync(o => o.PortalReference == e.PortalReference, ct))
        {
            logger.LogInformation("Online submission {Reference} offered again: already recorded", e.PortalReference);
            return;
        }

        if (e.FileRefusal is { } refusedFile)
        {
            // A file the portal sent did not pass the upload guard: a person decides, no dossier is filed without it.
            var named = await DestinationAsync(e, ct);
            await QueueAsync(e, refusedFile, named.Unit?.Id ?? named.Suggested, ct);
            return;
        }

        var destination = await DestinationAsync(e, ct);
        if (destination.Unit is not { } unit)
        {
            await QueueAsync(e, destination.Reason!, destination.Suggested, ct);
            return;
        }

        try
        {
            var dossier = await FileAtAsync(e, unit, ct);
            await RecordAsync(e, OnlineSubmissionStatuses.Filed, unit, dossier, ct);
        }
        catch (PlatformException refused)
        {
            // The catalogue refuses it (unknown procedure, missing components): a person has to look at it.
            var details = refused.Errors is { Count: > 0 } errors ? " " + string.Join(" ", errors.Values.SelectMany(v => v)) : "";
            await QueueAsync(e, $"{unit.Name} không tiếp nhận được hồ sơ: {refused.Message}{details}", unit.Id, ct);
        }
    }

    /// <summary>The unit valid today that the submission's code and date stand for, or why there is none.</summary>
    public async Task<Destination> DestinationAsync(OnlineDossierSubmitted e, CancellationToken ct)
    {
        var day = PlatformTime.DayOf(e.SubmittedAt);
        var today = PlatformTime.Today(clock);
        var code = e.UnitCode.Trim();
        var unit = await units.FindByCodeAsync(code, day, ct);
        if (unit is null)
        {
            // Not held on that day: the portal may still use a code retired before it (the last unit that held it).
            unit = (await units.AllAsync(ct)).Where(u => u.Code == code && u.ValidTo is { } to && to <= day)
                .OrderByDescending(u => u.ValidTo).FirstOrDefault();
            if (unit is null)
            {
                return new(null, $"Không có đơn vị hành chính mã {code} vào ngày {Date(day)}: cần chọn nơi nhận.", null);
            }
        }

        // Follow mergers to today; a split needs a person (the applicant's address decides, not a rule here).
        for (var steps = 0; !unit.IsValidOn(today) && steps < 32; steps++)
        {
            if (unit.ValidFrom > today)
            {
                return new(null, $"Đơn vị {unit.Name} (mã {code}) chưa có hiệu lực hôm nay: cần chọn nơi nhận.", null);
            }

            var successors = (await units.SuccessorsAsync(unit.Id, ct)).Where(s => s.EffectiveOn <= today).ToList();
            var retired = unit.ValidTo is { } to ? Date(to) : "";
            if (successors.Count == 0)
            {
                return new(null, $"Mã đơn vị {code} ({unit.Name}) đã thôi hiệu lực từ {retired} và không có đơn vị kế thừa: cần chọn nơi nhận.", null);
            }

            if (successors.Count > 1)
            {
                var names = new List<string>();
                foreach (var s in successors)
                {
                    names.Add((await units.FindAsync(s.SuccessorId, ct))?.Name ?? s.SuccessorId.ToString());
                }

                return new(null, $"Mã đơn vị {code} ({unit.Name}) đã thôi hiệu lực từ {retired} và được chia cho {string.Join(", ", names)}: cần chọn nơi nhận.",
                    successors.FirstOrDefault(s => s.IsPrimary)?.SuccessorId);
            }

            unit = await units.FindAsync(successors[0].SuccessorId, ct);
            if (unit is null)
            {
                return new(null, $"Không tìm thấy đơn vị kế thừa của mã {code}: cần chọn nơi nhận.", null);
            }
        }

        return unit.IsValidOn(today) ? new(unit, null, null) : new(null, $"Không xác định được đơn vị đang có hiệu lực cho mã {code}: cần chọn nơi nhận.", null);
    }

    /// <summary>Files the submission as a NEW online dossier at <paramref name="unit"/>, acting for it (the intake path of every channel).</summary>
    public async Task<Dossier> FileAtAsync(OnlineDossierSubmitted e, AdministrativeUnitInfo unit, CancellationToken ct)
    {
        using var _ = scope.Change(new UnitScope(unit.Id, unit.Path, unit.Name));
        var form = PortalForm(e);
        var dossier = await intake.IntakeAsync(new IntakeRequest(
            e.ProcedureCode,
            new IntakeApplicant(e.ApplicantKind, e.ApplicantIdentity, e.ApplicantName, e.ApplicantDateOfBirth, e.ApplicantAddress, e.ApplicantPhone, e.ApplicantEmail),
            e.ComponentCodes.Select(c => new IntakeComponent(c)).ToArray(),
            DossierChannels.Online, ReturnMethods.Electronic, Note: Note(e),
            PaymentMethod: e.Payment is null ? null : PaymentMethods.Online, FormData: form), ct);
        // The procedure has no e-form of ours: the portal's form is still what the applicant declared, kept as sent.
        if (dossier.FormData is null && form is { Count: > 0 } && form.ToJsonString() is { Length: <= Domain.Catalogue.ProcedureVersionLimits.FormDataLength } raw)
        {
            dossier.FormData = raw;
        }

        // The components' files, checked and stored by the connector, become the dossier's.
        foreach (var file in e.Files ?? [])
        {
            db.DossierComponentFiles.Add(DossierComponentFile.Of(dossier, file.ComponentCode, file.FileName, file.ContentType, file.BlobKey, file.Length,
                DossierComponentFile.Sources.NationalPortal, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
        return dossier;
    }

    /// <summary>The e-form as the portal sent it; a form that is not a JSON object is left to the e-form check to refuse.</summary>
    private static System.Text.Json.Nodes.JsonObject? PortalForm(OnlineDossierSubmitted e)
    {
        if (string.IsNullOrWhiteSpace(e.FormData))
        {
            return null;
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(e.FormData) as System.Text.Json.Nodes.JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static OnlineDossierSubmitted? Read(OnlineSubmission item) =>
        string.IsNullOrEmpty(item.Payload) ? null : JsonSerializer.Deserialize<OnlineDossierSubmitted>(item.Payload, Json);

    private async Task QueueAsync(OnlineDossierSubmitted e, string reason, Guid? suggested, CancellationToken ct)
    {
        var province = await units.ProvinceAsync(ct: ct) ?? throw new InvalidOperationException("Chưa có đơn vị hành chính cấp tỉnh.");
        logger.LogWarning("Online submission {Reference} for unit {Unit} held for review: {Reason}", e.PortalReference, e.UnitCode, reason);
        await RecordAsync(e, OnlineSubmissionStatuses.Review, province, null, ct, reason, suggested);
    }

    /// <summary>The record is written acting for the unit it belongs to (the province while it waits, the dossier's unit once filed).</summary>
    private async Task RecordAsync(OnlineDossierSubmitted e, string status, AdministrativeUnitInfo owner, Dossier? dossier, CancellationToken ct,
        string? reason = null, Guid? suggested = null)
    {
        using var _ = scope.Change(new UnitScope(owner.Id, owner.Path, owner.Name));
        db.OnlineSubmissions.Add(new OnlineSubmission
        {
            PortalReference = e.PortalReference, UnitCode = e.UnitCode, ProcedureCode = e.ProcedureCode, ApplicantName = e.ApplicantName,
            // The portal writes Vietnam time with its offset; PostgreSQL keeps UTC.
            SubmittedAt = e.SubmittedAt.ToUniversalTime(), Status = status, Reason = reason is { Length: > 2000 } ? reason[..2000] : reason, SuggestedUnitId = suggested,
            Payload = JsonSerializer.Serialize(e, Json),
            DossierId = dossier?.Id, DossierCode = dossier?.Code, DossierUnitId = dossier?.UnitId, DossierUnitName = dossier?.ReceivingUnitName,
            UnitId = owner.Id, UnitPath = owner.Path,
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The portal reference, and the payment platform's transaction for the desk to reconcile the fees.</summary>
    private static string Note(OnlineDossierSubmitted e) => e.Payment is { } paid
        ? $"Hồ sơ trực tuyến, mã trên Cổng DVC quốc gia: {e.PortalReference}. Đã thanh toán trực tuyến {Vietnamese.Money(paid.AmountVnd)}, mã giao dịch {paid.TransactionId}."
        : $"Hồ sơ trực tuyến, mã trên Cổng DVC quốc gia: {e.PortalReference}";
}
