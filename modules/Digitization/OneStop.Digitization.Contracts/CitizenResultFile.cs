namespace OneStop.Digitization.Contracts;

/// <summary>The signed PDF of a dossier's electronic result.</summary>
public sealed record CitizenResultFile(byte[] Content, string FileName, string ContentType, CitizenResult Result);
