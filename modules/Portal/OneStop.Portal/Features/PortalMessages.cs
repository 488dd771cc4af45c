namespace OneStop.Portal.Features;

/// <summary>Message codes of the Portal module (texts in Localization/messages.{vi,en}.json, ADR 0020).</summary>
internal static class PortalMessages
{
    public const string TemplateUnknown = "Portal.Template.Unknown";
    public const string TemplateEmpty = "Portal.Template.Empty";
    public const string TemplateTooLong = "Portal.Template.TooLong";
}
