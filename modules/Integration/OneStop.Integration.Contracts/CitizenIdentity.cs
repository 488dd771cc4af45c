namespace OneStop.Integration.Contracts;

public sealed record CitizenIdentity(
    string CitizenId, string FullName, DateOnly DateOfBirth, string Gender, string PlaceOfOrigin,
    string PermanentAddress, string? IssuedOn);
