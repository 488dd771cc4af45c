using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Điều kiện đào tạo khi giao hồ sơ (optional, <c>Counters:TrainingGate:Enabled</c>, off by default): a specialist may
/// be assigned a dossier only with a training certificate valid today for the dossier's procedure field, as the
/// Training module answers (<see cref="ITrainingApi.HasValidTrainingAsync"/>). The Training module may be switched
/// off: then nothing can be checked, and assignments go through with a warning in the log. A dossier whose procedure
/// names no field is not gated.
/// </summary>
internal sealed class TrainingGate(IConfiguration configuration, IServiceProvider services, PlatformDbContext platform, TimeProvider time, ILogger<TrainingGate> logger)
{
    public const string EnabledSetting = "Counters:TrainingGate:Enabled";

    public bool Enabled => configuration.GetValue(EnabledSetting, false);

    /// <summary>Throws <see cref="CountersErrorCodes.SpecialistNotTrained"/> (409) when the gate is on and the assignee is not trained for the field.</summary>
    public async Task EnsureTrainedAsync(Dossier dossier, string assignee, CancellationToken ct)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(dossier.ProcedureField))
        {
            return;
        }

        if (services.GetService<ITrainingApi>() is not { } training)
        {
            logger.LogWarning("{Setting} is on but the Training module is off: dossier {Code} assigned to {Assignee} without a training check.", EnabledSetting, dossier.Code, assignee);
            return;
        }

        var user = await platform.Users.AsNoTracking().Where(u => u.UserName == assignee).Select(u => new { u.Id, u.FullName }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            throw new PlatformException(CountersErrorCodes.SpecialistNotTrained, 409, assignee, dossier.ProcedureField) { MessageCode = CountersMessages.SpecialistUnknown };
        }

        var today = VietnamTime.DayOf(time.GetUtcNow());
        if (!await training.HasValidTrainingAsync(user.Id, dossier.ProcedureField, today, ct))
        {
            throw new PlatformException(CountersErrorCodes.SpecialistNotTrained, 409, user.FullName.Length > 0 ? user.FullName : assignee, dossier.ProcedureField)
            {
                MessageCode = CountersMessages.SpecialistNotTrainedFor,
            };
        }
    }
}
