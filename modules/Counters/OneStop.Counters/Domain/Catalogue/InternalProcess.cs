using OneStop.Platform.Calendar;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>
/// Quy trình nội bộ of a dossier: the procedure's approved steps on the reception day, completed so that every dossier
/// is received, approved and returned; or, where none was approved, receive → process → approve → return with the
/// legal time split three to one between processing and approval (ADR 0036).
/// </summary>
internal static class InternalProcess
{
    public static IReadOnlyList<PlannedStep> Plan(IReadOnlyList<ProcedureStep> approved, LegalTime legalTime, Func<string, string?> agencyName)
    {
        var hours = (decimal)legalTime.WorkingTime.TotalHours;
        if (approved.Count == 0)
        {
            return
            [
                new("Tiếp nhận hồ sơ", ProcessStepKinds.Reception, null, null, 0),
                new("Thẩm định, xử lý hồ sơ", ProcessStepKinds.Process, null, null, Math.Round(hours * 0.75m, 2)),
                new("Phê duyệt, ký kết quả", ProcessStepKinds.Approval, null, null, Math.Round(hours * 0.25m, 2)),
                new("Trả kết quả", ProcessStepKinds.Return, null, null, 0),
            ];
        }

        var steps = approved.Select(s => new PlannedStep(s.Name, s.Kind, s.AgencyCode, s.AgencyCode is { } c ? agencyName(c) ?? c : null, s.BudgetHours)).ToList();
        // Processes saved before steps had kinds are lists of processing steps: the desk and the leader are implied.
        if (steps[0].Kind != ProcessStepKinds.Reception)
        {
            steps.Insert(0, new("Tiếp nhận hồ sơ", ProcessStepKinds.Reception, null, null, 0));
        }

        if (steps.All(s => s.Kind != ProcessStepKinds.Approval))
        {
            steps.Insert(steps[^1].Kind == ProcessStepKinds.Return ? steps.Count - 1 : steps.Count, new("Phê duyệt, ký kết quả", ProcessStepKinds.Approval, null, null, 0));
        }

        if (steps[^1].Kind != ProcessStepKinds.Return)
        {
            steps.Add(new("Trả kết quả", ProcessStepKinds.Return, null, null, 0));
        }

        return steps;
    }
}
