namespace OneStop.Portal.Features.MyDossiers;

/// <summary>Message codes of the citizen's own actions on the portal (ADR 0050; texts in Localization/messages.{vi,en}.json).</summary>
internal static class MyDossierMessages
{
    public const string WithdrawalNotConfirmed = "Portal.MyDossiers.WithdrawalNotConfirmed";
    public const string ComplaintDossierNotFound = "Portal.MyDossiers.ComplaintDossierNotFound";
    public const string ComplaintUnavailable = "Portal.MyDossiers.ComplaintUnavailable";
}
