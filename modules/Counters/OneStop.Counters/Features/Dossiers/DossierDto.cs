using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Platform.Calendar;

namespace OneStop.Counters.Features.Dossiers;

internal sealed record DossierListItem(
    Guid Id, string Code, string ProcedureCode, string ProcedureName, string Channel, string Status, string StatusName,
    string ApplicantName, string ReceivingUnitName, string ResolvingUnitName, string CurrentUnitName, string? AssignedTo,
    DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, bool ClockStopped, bool IsOverdue, bool DueSoon);

internal sealed record DossierComponentDto(int Order, string Name, string DocumentTypeCode, bool Required, string Source, Guid? ReusedDocumentId, int Copies);

internal sealed record DossierHandoverDto(int Order, string Kind, string FromName, string ToName, DateTimeOffset SentAt, string SentBy, DateTimeOffset? ReceivedAt, bool Electronic, string? Note);

internal sealed record DossierHistoryDto(DateTimeOffset At, string Transition, string TransitionName, string? FromStatus, string ToStatus, string Actor, string? Reason);

/// <summary>A line of the process-control sheet: a step as taken, with its budget, its clock and whether it ran late.</summary>
internal sealed record DossierStepDto(int Order, string Name, string Kind, string? AgencyCode, string Performer, decimal BudgetHours,
    DateTimeOffset StartedAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt, string? CompletedBy, string? Outcome, bool Electronic, bool Late, string? Note);

internal sealed record ClockStopDto(DateTimeOffset From, DateTimeOffset? To, string Cause, string Reason);

internal sealed record ExtensionDto(decimal Value, string Unit, string Reason, DateTimeOffset At, string By);

internal sealed record DossierDto(
    Guid Id, string Code, string ProcedureCode, string ProcedureName, string ProcedureField, string LegalTime, int LegalTimeVersion,
    string Channel, string Status, string StatusName,
    string ApplicantKind, string ApplicantIdentity, string ApplicantName, DateOnly? ApplicantDateOfBirth, string? ApplicantAddress,
    string? ApplicantPhone, string? ApplicantEmail, bool ApplicantVerified,
    Guid ReceivingUnitId, string ReceivingUnitName, string ReceivingAgencyCode, Guid ResolvingUnitId, string ResolvingUnitName,
    Guid CurrentUnitId, string CurrentUnitName, string? AssignedTo,
    DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, IReadOnlyList<string> DueExplanation,
    DateTimeOffset? ClockStoppedSince, DateTimeOffset? ResolvedAt, DateTimeOffset? ReturnedAt, string RequestedReturnMethod, string? ReturnMethod,
    string? ResultSummary, string? ClosingReason, decimal? FinancialObligationVnd, decimal? FeeVnd, string? PaymentMethod, Guid? TicketId, string? Note, bool IsOverdue,
    IReadOnlyList<DossierComponentDto> Components, IReadOnlyList<DossierHandoverDto> Handovers, IReadOnlyList<DossierHistoryDto> History,
    IReadOnlyList<ClockStopDto> ClockStops, IReadOnlyList<ExtensionDto> Extensions,
    /// <summary>The procedure version the dossier was received under (ADR 0025).</summary>
    int ProcedureVersion = 0,
    /// <summary>Tờ khai điện tử as filled at intake; null when the version had no e-form.</summary>
    System.Text.Json.Nodes.JsonNode? FormData = null,
    /// <summary>The status, or where a dossier being processed is: AT_AGENCY, AWAITING_APPROVAL (ADR 0036).</summary>
    string Stage = "",
    /// <summary>The process-control sheet's lines (quy trình nội bộ as taken).</summary>
    IReadOnlyList<DossierStepDto>? Steps = null,
    string? DraftResult = null,
    string? CurrentAgencyCode = null)
{
    public static DossierDto From(Dossier d, DateTimeOffset now) => new(
        d.Id, d.Code, d.ProcedureCode, d.ProcedureName, d.ProcedureField, new LegalTime(d.LegalTimeValue, d.LegalTimeUnit).ToString(), d.LegalTimeVersion,
        d.Channel, d.Status, DossierStatuses.NameVi(d.Status),
        d.ApplicantKind, d.ApplicantIdentity, d.ApplicantName, d.ApplicantDateOfBirth, d.ApplicantAddress, d.ApplicantPhone, d.ApplicantEmail, d.ApplicantVerified,
        d.UnitId, d.ReceivingUnitName, d.ReceivingAgencyCode, d.ResolvingUnitId, d.ResolvingUnitName, d.CurrentUnitId, d.CurrentUnitName, d.AssignedTo,
        d.SubmittedAt, d.ReceivedAt, d.DueAt, d.DueExplanation.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        d.ClockStoppedSince, d.ResolvedAt, d.ReturnedAt, d.RequestedReturnMethod, d.ReturnMethod,
        d.ResultSummary, d.ClosingReason, d.FinancialObligationVnd, d.FeeVnd, d.PaymentMethod, d.TicketId, d.Note, d.IsOverdueAt(now),
        d.Components.OrderBy(c => c.Order).Select(c => new DossierComponentDto(c.Order, c.Name, c.DocumentTypeCode, c.Required, c.Source, c.ReusedDocumentId, c.Copies)).ToList(),
        d.Handovers.OrderBy(h => h.Order).Select(h => new DossierHandoverDto(h.Order, h.Kind, h.FromName, h.ToName, h.SentAt, h.SentBy, h.ReceivedAt, h.Electronic, h.Note)).ToList(),
        d.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new DossierHistoryDto(h.At, h.Transition, DossierText.TransitionVi(h.Transition), h.FromStatus, h.ToStatus, h.Actor, h.Reason)).ToList(),
        d.ClockStops.OrderBy(s => s.From).Select(s => new ClockStopDto(s.From, s.To, s.Cause, s.Reason)).ToList(),
        d.Extensions.OrderBy(e => e.At).Select(e => new ExtensionDto(e.Value, e.Unit, e.Reason, e.At, e.By)).ToList(),
        d.ProcedureVersion,
        d.FormData is null ? null : System.Text.Json.Nodes.JsonNode.Parse(d.FormData),
        d.Stage,
        d.Steps.OrderBy(s => s.Order).Select(s => new DossierStepDto(s.Order, s.Name, s.Kind, s.AgencyCode, s.Performer, s.BudgetHours, s.StartedAt, s.DueAt,
            s.CompletedAt, s.CompletedBy, s.Outcome, s.Electronic, s.IsLateAt(now), s.Note)).ToList(),
        d.DraftResult, d.CurrentAgencyCode);
}
