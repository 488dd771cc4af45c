namespace OneStop.Platform.People;

/// <summary>A password set by an admin: valid for one sign-in, after which the person must choose their own.</summary>
public sealed record OneTimePassword(string Password);
