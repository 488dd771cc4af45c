using OneStop.Integration.Contracts;
using OneStop.Platform.Messaging;
using OneStop.Platform.Scoping;

namespace OneStop.Counters.Features.Dossiers.Online;

/// <summary>
/// Files an online submission from the national portal as a NEW online dossier at the unit it was addressed to (read
/// by code and date); the desk then receives it (tiếp nhận hồ sơ trực tuyến), which starts the clock. What cannot be
/// filed waits in the province's review queue (<see cref="OnlineSubmissionFiler"/>).
/// </summary>
internal sealed class OnlineSubmissionHandler(OnlineSubmissionFiler filer, ICurrentScope scope) : IIntegrationEventHandler<OnlineDossierSubmitted>
{
    public async Task HandleAsync(OnlineDossierSubmitted e, CancellationToken ct)
    {
        // The dossier's history names the portal as the one who submitted it.
        using var _ = scope.Change(scope.Unit, null, "cong-dvc-quoc-gia");
        await filer.HandleAsync(e, ct);
    }
}
