using OneStop.Counters.Contracts;
using OneStop.Platform.Scoping;
using OneStop.Portal.Contracts;

namespace OneStop.Portal.Features.MyDossiers;

/// <summary>
/// How a signed-in citizen acts on their own dossiers (ADR 0050): the applicant identity from the cookie (never from
/// the form), the actor name the audit trail, the history and the ratings show ("VNeID ••••1234", ADR 0048), and the
/// dossier's own unit as the scope of one call — entered only after Counters found the dossier to be the citizen's.
/// </summary>
internal static class CitizenActing
{
    public static string ApplicantKind(SignedInCitizen citizen) => citizen.IsOrganisation ? ApplicantKinds.Organisation : ApplicantKinds.Citizen;

    /// <summary>The masked identity the trail names: who acted, without the whole number in every record.</summary>
    public static string ActorName(SignedInCitizen citizen) => "VNeID ••••" + citizen.ApplicantIdentity[^4..];

    /// <summary>Acts in <paramref name="dossier"/>'s unit as the citizen until disposed.</summary>
    public static IDisposable InDossiersUnit(ICurrentScope scope, ApplicantDossier dossier, SignedInCitizen citizen) =>
        scope.Change(new UnitScope(dossier.UnitId, dossier.UnitPath, dossier.UnitName), null, ActorName(citizen));
}
