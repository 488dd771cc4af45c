namespace OneStop.PlanTasks.Features.PlanEditing;

/// <summary>
/// One choice for cơ quan chủ trì / phối hợp: an agency of the province (<c>agency:STTTT</c>) or a whole group of them
/// (<c>kind:department</c> = các sở, ban, ngành; <c>level:commune</c> = UBND cấp xã), with its name as the plan writes it.
/// </summary>
internal sealed record AgencyReference(string Reference, string Name, bool IsGroup);
