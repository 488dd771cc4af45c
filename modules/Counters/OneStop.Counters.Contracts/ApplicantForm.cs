namespace OneStop.Counters.Contracts;

/// <summary>
/// A form the desk issued to the applicant of a dossier (Mẫu 01 receipt, 02 supplement request, 03 refusal, 04 apology
/// and new date), as "Hồ sơ của tôi" lists it. <paramref name="Kind"/> is the stable name the download asks for.
/// </summary>
public sealed record ApplicantForm(string Kind, string Number, string Title);
