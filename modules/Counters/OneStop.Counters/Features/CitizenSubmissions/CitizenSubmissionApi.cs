using System.Text.Json.Nodes;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue.ElectronicForms;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Features.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;
using PlatformTime = OneStop.Platform.Domain.VietnamTime;

namespace OneStop.Counters.Features.CitizenSubmissions;

/// <summary>
/// Nộp hồ sơ trực tuyến từ Cổng dịch vụ công của tỉnh (ADR 0049). The catalogue is read as intake reads it (the version
/// valid today: components, online fees, e-form); the submission is filed by <see cref="IntakeHandler"/> acting for the
/// chosen unit — the one intake path of every channel, which checks the components, the e-form again, reused documents
/// against the applicant's data store and consent, and numbers the dossier — as a NEW online dossier for a desk to
/// receive or refuse. The actor is the citizen (masked identity), as on their other writes (ADR 0048).
/// </summary>
internal sealed class CitizenSubmissionApi(
    CountersDbContext db, IntakeHandler intake, ICurrentScope scope, IAdministrativeUnitDirectory units, TimeProvider clock, IBlobStore blobs) : ICitizenSubmissionApi
{
    public async Task<CitizenSubmissionForm?> FormAsync(string procedureCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(procedureCode) || procedureCode.Length > 64)
        {
            return null;
        }

        var today = PlatformTime.Today(clock);
        var p = await GetProcedureEndpoint.LoadAsync(db, procedureCode.Trim(), ct);
        if (p is null || !p.IsReceivableOn(today))
        {
            return null;
        }

        var version = p.VersionOn(today);
        var online = version is null ? p.FullyOnline || p.OnlinePartial : version.ChannelsText.Split(';').Contains(DossierChannels.Online) || version.OnlinePartial;
        if (!online)
        {
            return null;
        }

        var form = ElectronicForm.TryParse(version?.FormSchema, out var parsed, out _) ? parsed : ElectronicForm.None;
        var levels = (version?.Levels ?? p.Levels).ToHashSet();
        var locationIndependent = await Catalogue.LocationIndependence.LocationIndependence.ListedAsync(db, p.Code, today, ct);
        var receiving = (await units.AllAsync(ct))
            .Where(u => u.IsValidOn(today) && (locationIndependent || levels.Contains(u.Level)))
            .OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => new CitizenSubmissionUnit(u.Id, u.Name, u.Path, u.Level))
            .ToList();
        return new CitizenSubmissionForm(
            p.Code, version?.Name ?? p.Name,
            form.Fields.Select(f => new CitizenFormField(f.Key, f.Title, f.Description, f.Type, f.Required, f.Options)).ToList(),
            p.ComponentsOn(today).OrderBy(c => c.Order).Select(c => new CitizenSubmissionComponent(c.DocumentTypeCode, c.Name, c.Required)).ToList(),
            p.FeesOn(today).Where(f => f.Channel == DossierChannels.Online).Sum(f => f.AmountVnd),
            locationIndependent, receiving, ReturnMethods.All);
    }

    public async Task<CitizenFormCheck> CheckFormAsync(string procedureCode, IReadOnlyDictionary<string, string?> inputs, CancellationToken ct = default)
    {
        var today = PlatformTime.Today(clock);
        var p = string.IsNullOrWhiteSpace(procedureCode) || procedureCode.Length > 64 ? null : await GetProcedureEndpoint.LoadAsync(db, procedureCode.Trim(), ct);
        if (p is null || !ElectronicForm.TryParse(p.VersionOn(today)?.FormSchema, out var form, out _) || form.IsNone)
        {
            return new CitizenFormCheck("{}", new Dictionary<string, string[]>());
        }

        var data = form.FromInputs(inputs, out var errors);
        foreach (var (key, messages) in form.Validate(data))
        {
            // A value that could not be converted already says why; the schema's "required" would only repeat it.
            errors.TryAdd(key, messages);
        }

        return errors.Count > 0 ? new CitizenFormCheck(null, errors) : new CitizenFormCheck(data.ToJsonString(), errors);
    }

    public async Task<CitizenSubmissionReceipt> SubmitAsync(CitizenSubmissionRequest request, CancellationToken ct = default)
    {
        var form = await FormAsync(request.ProcedureCode, ct)
            ?? throw new PlatformException(CountersErrorCodes.SubmissionNotOnline, 400) { MessageCode = CountersErrorCodes.SubmissionNotOnline };
        var chosen = form.Units.FirstOrDefault(u => u.Id == request.UnitId)
            ?? throw new PlatformException(CountersErrorCodes.SubmissionUnitNotReceiving, 400) { MessageCode = CountersErrorCodes.SubmissionUnitNotReceiving };
        var paid = request.PaidVnd is { } amount && amount >= form.OnlineFeeVnd && !string.IsNullOrEmpty(request.PaymentTransactionId);
        if (form.OnlineFeeVnd > 0 && !paid)
        {
            throw new PlatformException(CountersErrorCodes.SubmissionFeeUnpaid, 400, Vietnamese.Money(form.OnlineFeeVnd)) { MessageCode = CountersErrorCodes.SubmissionFeeUnpaid };
        }

        var identity = request.ApplicantIdentity.Trim();
        var formData = string.IsNullOrEmpty(request.FormDataJson) ? null : JsonNode.Parse(request.FormDataJson) as JsonObject;
        // Acting for the chosen unit, as its desk would: the dossier, its code and its history are that unit's.
        using var _ = scope.Change(new UnitScope(chosen.Id, chosen.Path, chosen.Name), null, "VNeID ••••" + identity[^Math.Min(4, identity.Length)..]);
        var dossier = await intake.IntakeAsync(new IntakeRequest(
            form.ProcedureCode,
            new IntakeApplicant(request.ApplicantKind, identity, request.ApplicantName, request.ApplicantDateOfBirth, request.ApplicantAddress,
                request.ApplicantPhone, request.ApplicantEmail, Verified: true),
            request.Components.Select(c => new IntakeComponent(c.DocumentTypeCode, c.ReusedDocumentId)).ToArray(),
            DossierChannels.Online, request.ReturnMethod, Note: Note(request, form.OnlineFeeVnd > 0 && paid),
            PaymentMethod: form.OnlineFeeVnd > 0 && paid ? PaymentMethods.Online : null, FormData: formData), ct);
        // The uploaded files become the dossier's component files, which the desk opens from the dossier page.
        foreach (var file in request.Components.Where(c => !string.IsNullOrEmpty(c.BlobKey) && !string.IsNullOrEmpty(c.FileName)))
        {
            if (await blobs.ExistsAsync(file.BlobKey!, ct))
            {
                db.DossierComponentFiles.Add(DossierComponentFile.Of(dossier, file.DocumentTypeCode, file.FileName!, file.ContentType ?? "application/octet-stream",
                    file.BlobKey!, file.Length, DossierComponentFile.Sources.CitizenPortal, clock.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync(ct);
        return new CitizenSubmissionReceipt(dossier.Id, dossier.Code, dossier.ReceivingUnitName, dossier.FeeVnd ?? 0, dossier.PaymentMethod);
    }

    /// <summary>For the desk: where it came from, the payment to reconcile, the files the citizen attached.</summary>
    private static string Note(CitizenSubmissionRequest r, bool paid)
    {
        var note = $"Hồ sơ nộp trực tuyến trên Cổng dịch vụ công của tỉnh, mã nộp {r.Reference}.";
        if (paid)
        {
            note += $" Đã thanh toán trực tuyến {Vietnamese.Money(r.PaidVnd!.Value)}, mã giao dịch {r.PaymentTransactionId}.";
        }

        var files = r.Components.Where(c => !string.IsNullOrEmpty(c.FileName)).Select(c => $"{c.FileName} ({c.DocumentTypeCode})").ToList();
        if (files.Count > 0)
        {
            note += " Tệp đính kèm: " + string.Join(", ", files) + ".";
        }

        return note.Length > 2000 ? note[..2000] : note;
    }
}
