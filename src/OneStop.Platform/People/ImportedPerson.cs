namespace OneStop.Platform.People;

/// <summary>A person created by an import, with the one-time password to hand over.</summary>
public sealed record ImportedPerson(int Row, Guid Id, string Login, string FullName, string OneTimePassword);
