namespace OneStop.Platform.People;

/// <summary>A new account and its one-time password, shown once to the admin who hands it over.</summary>
public sealed record PersonCreated(PersonDto Person, string OneTimePassword);
