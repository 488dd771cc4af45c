namespace OneStop.Platform.Web;

/// <summary>One field's error, already in the reader's language.</summary>
public sealed record ValidationError(string Field, string Message);
