namespace OneStop.Counters.Contracts;

/// <summary>A procedure as the online submission asks for it (the version valid today).</summary>
/// <param name="Fields">Tờ khai điện tử: the e-form's fields; empty when the procedure has no e-form (applicant and components only).</param>
/// <param name="OnlineFeeVnd">The fees of the ONLINE channel, paid before submitting when above zero.</param>
/// <param name="Units">Where it may be submitted: the units at the procedure's levels, or every unit of the province when location-independent.</param>
public sealed record CitizenSubmissionForm(
    string ProcedureCode, string ProcedureName, IReadOnlyList<CitizenFormField> Fields, IReadOnlyList<CitizenSubmissionComponent> Components,
    decimal OnlineFeeVnd, bool LocationIndependent, IReadOnlyList<CitizenSubmissionUnit> Units, IReadOnlyList<string> ReturnMethods);
