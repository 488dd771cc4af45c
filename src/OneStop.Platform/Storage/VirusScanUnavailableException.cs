namespace OneStop.Platform.Storage;

/// <summary>The configured virus scanner could not give a verdict; the upload guard refuses the file (fail closed).</summary>
public sealed class VirusScanUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
