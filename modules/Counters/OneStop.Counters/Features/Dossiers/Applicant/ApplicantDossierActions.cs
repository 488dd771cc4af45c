using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers.Applicant;

/// <summary>
/// A signed-in applicant's own actions on a dossier already filed (ADR 0050): the dossier is found across every unit
/// for one exact applicant identity (<see cref="ApplicantDossiers.Of"/>), then the same <see cref="DossierWorkflow"/>
/// transition the desk uses runs inside that dossier's unit with the citizen as the actor — so the history, the audit
/// trail and the outbox event (notifications, the portal, the KPIs) are those of any supplement or withdrawal.
/// </summary>
internal sealed class ApplicantDossierActions(CountersDbContext db, DossierWorkflow workflow, ICurrentScope scope, UploadGuard uploads) : IApplicantDossierActions
{
    public const int MaxFiles = 5;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxTextLength = 1000;

    private static readonly UploadRules Rules = new(MaxFileBytes, [FileTypes.Pdf, FileTypes.Jpeg, FileTypes.Png], ApplicantActionCodes.UploadRejected);

    private sealed record Owned(Guid Id, string Code, Guid UnitId, string UnitPath, string UnitName);

    public async Task<ApplicantDossier?> FindAsync(string applicantKind, string applicantIdentity, string dossierCode, CancellationToken ct)
    {
        if (await OwnedAsync(applicantKind, applicantIdentity, dossierCode, ct) is not { } owned)
        {
            return null;
        }

        using var _ = scope.Change(UnitOf(owned));
        return await DescribeAsync(await workflow.LoadAsync(owned.Id, ct), ct);
    }

    public async Task<ApplicantDossier?> SupplementAsync(string applicantKind, string applicantIdentity, string actorName, string dossierCode,
        IReadOnlyList<ApplicantUpload> files, string? note, CancellationToken ct)
    {
        if (await OwnedAsync(applicantKind, applicantIdentity, dossierCode, ct) is not { } owned)
        {
            return null;
        }

        if (files.Count == 0)
        {
            throw new PlatformException(ApplicantActionCodes.SupplementFilesRequired, 400);
        }

        if (files.Count > MaxFiles)
        {
            throw new PlatformException(ApplicantActionCodes.SupplementTooManyFiles, 400, MaxFiles);
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxTextLength })
        {
            throw new PlatformException(ApplicantActionCodes.NoteTooLong, 400, MaxTextLength);
        }

        using var _ = scope.Change(UnitOf(owned), null, actorName);
        var dossier = await workflow.LoadAsync(owned.Id, ct);
        if (!DossierLifecycle.Supplement.From.Contains(dossier.Stage))
        {
            // Checked before any file is stored: a dossier not waiting for a supplement keeps nothing.
            throw new DossierStateException(dossier.Stage, DossierTransitions.Supplemented);
        }

        await workflow.PrepareClockAsync(dossier.UnitId, ct);
        var now = workflow.Now;
        var names = new List<string>();
        foreach (var file in files)
        {
            // One refused file refuses the supplement: the guard removes what this request stored before it.
            var accepted = await uploads.AcceptAsync(file.FileName, file.Content, Rules, ct);
            db.ApplicantSupplementFiles.Add(new ApplicantSupplementFile
            {
                DossierId = dossier.Id, UnitId = dossier.UnitId, UnitPath = dossier.UnitPath, BlobKey = accepted.Blob.Key,
                FileName = accepted.FileName, ContentType = accepted.ContentType, Length = accepted.Blob.Length, UploadedAt = now,
            });
            names.Add(accepted.FileName);
        }

        // The history says what came in: "Bổ sung trực tuyến: giay-xac-nhan.pdf; …" and the citizen's own words.
        var historyNote = "Bổ sung trực tuyến: " + string.Join("; ", names) + (text is null ? "" : " — " + text);
        await workflow.SupplementAsync(dossier, historyNote[..Math.Min(historyNote.Length, 2000)], ct);
        return await DescribeAsync(dossier, ct);
    }

    public async Task<ApplicantDossier?> WithdrawAsync(string applicantKind, string applicantIdentity, string actorName, string dossierCode, string reason,
        CancellationToken ct)
    {
        if (await OwnedAsync(applicantKind, applicantIdentity, dossierCode, ct) is not { } owned)
        {
            return null;
        }

        var text = (reason ?? "").Trim();
        if (text.Length is 0 or > MaxTextLength)
        {
            throw new PlatformException(ApplicantActionCodes.WithdrawalReasonRequired, 400, MaxTextLength);
        }

        using var _ = scope.Change(UnitOf(owned), null, actorName);
        var dossier = await workflow.LoadAsync(owned.Id, ct);
        await workflow.WithdrawAsync(dossier, "Công dân rút hồ sơ trực tuyến: " + text, ct);
        return await DescribeAsync(dossier, ct);
    }

    public async Task<ApplicantDossier?> ElectronicResultTakenAsync(string applicantKind, string applicantIdentity, string actorName, string dossierCode,
        CancellationToken ct)
    {
        if (await OwnedAsync(applicantKind, applicantIdentity, dossierCode, ct) is not { } owned)
        {
            return null;
        }

        using var _ = scope.Change(UnitOf(owned), null, actorName);
        var dossier = await workflow.LoadAsync(owned.Id, ct);
        // Returned electronically only where the workflow says so: resolved, and the applicant chose the electronic result.
        if (dossier.RequestedReturnMethod == ReturnMethods.Electronic && DossierLifecycle.Return.From.Contains(dossier.Stage))
        {
            await workflow.ReturnAsync(dossier, ReturnMethods.Electronic, "Công dân nhận kết quả điện tử trên Cổng dịch vụ công", ct);
        }

        return await DescribeAsync(dossier, ct);
    }

    private async Task<ApplicantDossier> DescribeAsync(Dossier d, CancellationToken ct)
    {
        var reason = d.Status == DossierStatuses.SupplementRequested
            ? d.History.Where(h => h.Transition == DossierTransitions.SupplementRequested).OrderByDescending(h => h.At).Select(h => h.Reason).FirstOrDefault()
            : null;
        var files = await db.ApplicantSupplementFiles.AsNoTracking().Where(f => f.DossierId == d.Id).OrderBy(f => f.UploadedAt).ThenBy(f => f.FileName)
            .Select(f => f.FileName).ToListAsync(ct);
        // The components the desk ticked on Mẫu 02, by name, beside its reason.
        var asked = reason is null ? [] : await SupplementComponents.NamesAsync(db, d, d.OpenSupplementComponents, ct);
        return new ApplicantDossier(d.Id, d.Code, d.Status, DossierStatuses.NameVi(d.Status), d.ProcedureName, d.UnitId, d.UnitPath, d.ReceivingUnitName,
            reason, DossierLifecycle.Supplement.From.Contains(d.Stage), DossierLifecycle.Withdraw.From.Contains(d.Stage),
            d.Status is DossierStatuses.Resolved or DossierStatuses.Returned, files, d.RequestedReturnMethod == ReturnMethods.Electronic, asked);
    }

    private async Task<Owned?> OwnedAsync(string applicantKind, string applicantIdentity, string dossierCode, CancellationToken ct)
    {
        var code = (dossierCode ?? "").Trim();
        if (code.Length is 0 or > 40 || ApplicantDossiers.Of(db, applicantKind, applicantIdentity) is not { } own)
        {
            return null;
        }

        return await own.Where(d => d.Code == code).Select(d => new Owned(d.Id, d.Code, d.UnitId, d.UnitPath, d.ReceivingUnitName)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The workflow reads and writes in scope; for this one call that is the dossier's own unit, as its desk's would be.</summary>
    private static UnitScope UnitOf(Owned dossier) => new(dossier.UnitId, dossier.UnitPath, dossier.UnitName);
}
