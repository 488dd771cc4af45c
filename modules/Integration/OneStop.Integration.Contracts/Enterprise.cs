namespace OneStop.Integration.Contracts;

public sealed record Enterprise(string Code, string Name, string Type, string Status, string HeadOfficeAddress, string LegalRepresentative, DateOnly RegisteredOn);
