using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Integration.Contracts;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Messaging;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers.Online;

/// <summary>
/// Files an online submission from the national portal as a NEW online dossier at the unit it was addressed to; the
/// desk then receives it (tiếp nhận hồ sơ trực tuyến), which starts the clock.
/// </summary>
internal sealed class OnlineSubmissionHandler(IntakeHandler intake, ICurrentScope scope, IAdministrativeUnitDirectory units, ILogger<OnlineSubmissionHandler> logger)
    : IIntegrationEventHandler<OnlineDossierSubmitted>
{
    public async Task HandleAsync(OnlineDossierSubmitted e, CancellationToken ct)
    {
        var unit = await units.FindByCodeAsync(e.UnitCode, OneStop.Platform.Domain.VietnamTime.DayOf(e.SubmittedAt), ct);
        if (unit is null)
        {
            logger.LogError("Online submission {Reference} for unknown unit {Unit} ignored", e.PortalReference, e.UnitCode);
            return;
        }

        using var _ = scope.Change(new UnitScope(unit.Id, unit.Path, unit.Name), null, "cong-dvc-quoc-gia");
        try
        {
            await intake.IntakeAsync(new IntakeRequest(
                e.ProcedureCode,
                new IntakeApplicant(e.ApplicantKind, e.ApplicantIdentity, e.ApplicantName, e.ApplicantDateOfBirth, e.ApplicantAddress, e.ApplicantPhone, e.ApplicantEmail),
                e.ComponentCodes.Select(c => new IntakeComponent(c)).ToArray(),
                DossierChannels.Online, ReturnMethods.Electronic, Note: Note(e),
                PaymentMethod: e.Payment is null ? null : PaymentMethods.Online), ct);
        }
        catch (PlatformException rejected)
        {
            // A submission the catalogue refuses (unknown procedure, missing components): retrying cannot help; the
            // portal reference is in the log for the desk to contact the applicant.
            logger.LogError("Online submission {Reference} refused: {Code} {Message}", e.PortalReference, rejected.Code, rejected.Message);
        }
    }

    /// <summary>The portal reference, and the payment platform's transaction for the desk to reconcile the fees.</summary>
    private static string Note(OnlineDossierSubmitted e) => e.Payment is { } paid
        ? $"Hồ sơ trực tuyến, mã trên Cổng DVC quốc gia: {e.PortalReference}. Đã thanh toán trực tuyến {Vietnamese.Money(paid.AmountVnd)}, mã giao dịch {paid.TransactionId}."
        : $"Hồ sơ trực tuyến, mã trên Cổng DVC quốc gia: {e.PortalReference}";
}
