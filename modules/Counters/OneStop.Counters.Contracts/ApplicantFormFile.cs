namespace OneStop.Counters.Contracts;

/// <summary>A form rendered for its applicant: the PDF and the name to save it under.</summary>
public sealed record ApplicantFormFile(byte[] Content, string FileName, string ContentType);
