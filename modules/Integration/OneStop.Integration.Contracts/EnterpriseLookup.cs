namespace OneStop.Integration.Contracts;

/// <param name="Message">What to tell the officer, in the request's language (ADR 0020).</param>
public sealed record EnterpriseLookup(LookupOutcome Outcome, Enterprise? Enterprise, string Message);
