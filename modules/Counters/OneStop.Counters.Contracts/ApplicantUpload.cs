namespace OneStop.Counters.Contracts;

/// <summary>A file the applicant uploads (its name as the browser sent it, checked as data by the upload guard).</summary>
public sealed record ApplicantUpload(string? FileName, Stream Content);
