namespace OneStop.Counters.Contracts;

/// <summary>
/// Nộp hồ sơ trực tuyến by a citizen signed in on our own portal (issue 18, ADR 0049): the procedure's e-form and
/// components, the units that may receive it, the e-form checked without storing anything, and the submission itself,
/// filed as a NEW online dossier at the chosen unit through the same intake as every channel. The caller passes an
/// identity it has verified (the portal: the citizen's VNeID cookie), never one typed by the user.
/// </summary>
public interface ICitizenSubmissionApi
{
    /// <summary>What to fill in and hand in for <paramref name="procedureCode"/> as its version valid today states it; null when it is not received online.</summary>
    Task<CitizenSubmissionForm?> FormAsync(string procedureCode, CancellationToken ct = default);

    /// <summary>
    /// The e-form's inputs (as a page posts them) converted and checked against the version's schema: the JSON to keep,
    /// or the messages per field (Vietnamese, the caller's culture). No e-form: an empty object and no errors.
    /// </summary>
    Task<CitizenFormCheck> CheckFormAsync(string procedureCode, IReadOnlyDictionary<string, string?> inputs, CancellationToken ct = default);

    /// <summary>
    /// Files the submission as a NEW dossier (channel ONLINE) at <see cref="CitizenSubmissionRequest.UnitId"/>, with the
    /// payment method ONLINE when the fee was paid. Bad input is a PlatformException (ProblemDetails code and message).
    /// The caller files each submission once (the portal moves its draft to "submitting" atomically first).
    /// </summary>
    Task<CitizenSubmissionReceipt> SubmitAsync(CitizenSubmissionRequest request, CancellationToken ct = default);
}
