namespace OneStop.Platform.Web;

/// <summary>Codes of the kernel's messages that are not error codes (titles, hints), texts in Localization/messages.*.json.</summary>
public static class PlatformMessages
{
    public const string RequestUnreadable = "Platform.Messages.RequestUnreadable";
    public const string ChangedMeanwhile = "Platform.Messages.ChangedMeanwhile";
    public const string BodyMissing = "Platform.Messages.BodyMissing";
    public const string DataInvalid = "Platform.Messages.DataInvalid";
    public const string FieldRequired = "Platform.Messages.FieldRequired";
    /// <summary>{0}: the value typed.</summary>
    public const string ValueInvalid = "Platform.Messages.ValueInvalid";
    public const string NumberExpected = "Platform.Messages.NumberExpected";
    /// <summary>A destructive action whose confirmation box was not ticked.</summary>
    public const string ConfirmFirst = "Platform.Messages.ConfirmFirst";
}
