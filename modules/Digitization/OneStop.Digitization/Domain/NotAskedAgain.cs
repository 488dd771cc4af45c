using OneStop.Counters.Contracts;

namespace OneStop.Digitization.Domain;

/// <summary>
/// "Không yêu cầu người dân cung cấp lại giấy tờ đã được chấp nhận" (the plan's target: ≥ 30 % in 2022, ≥ 80 % from
/// 2023), counted per dossier component (ADR 0030):
/// <list type="bullet">
/// <item>denominator — every component the procedure required of the dossier (the components of the dossier as received);</item>
/// <item>numerator — those the applicant did not have to hand in because the system already held them: reused from the
/// data store, i.e. from a component or the result of an earlier dossier (<see cref="ComponentSources.ReusedComponent"/>,
/// <see cref="ComponentSources.ReusedResult"/>); or prefilled from the National Population Database — the identity
/// document (<see cref="IdentityDocumentType"/>, CD-CCCD) of an applicant whose identity was verified there
/// (<see cref="DossierSnapshot.ApplicantVerified"/>), even when the desk recorded it as submitted.</item>
/// </list>
/// A component counts once, whichever way the system held it. Counted by the dossier's reception day, at the receiving
/// unit, like the other intake figures.
/// </summary>
internal static class NotAskedAgain
{
    /// <summary>Giấy tờ tùy thân (Căn cước, Căn cước công dân, Hộ chiếu), as coded in the document-type list.</summary>
    public const string IdentityDocumentType = "CD-CCCD";

    public static bool Applies(DossierComponentInfo component, bool applicantVerified) =>
        component.Source != ComponentSources.Submitted || (applicantVerified && component.DocumentTypeCode == IdentityDocumentType);

    /// <summary>The dossier's components not asked of the applicant again.</summary>
    public static int Count(DossierSnapshot dossier) => dossier.Components.Count(c => Applies(c, dossier.ApplicantVerified));
}
