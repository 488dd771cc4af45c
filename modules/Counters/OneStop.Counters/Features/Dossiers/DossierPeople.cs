using OneStop.Counters.Domain.Dossiers;
using OneStop.Platform.People;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// The people a dossier names. Its records keep logins (actors, the assignee, an assignment hand-over's parties);
/// forms and pages print the full names looked up once per dossier.
/// </summary>
internal static class DossierPeople
{
    /// <summary>Receiver of an assignment hand-over as recorded: this prefix, then the specialist's login.</summary>
    public const string SpecialistPrefix = "Chuyên viên ";

    public static IEnumerable<string?> Logins(Dossier d) =>
    [
        d.CreatedBy, d.AssignedTo,
        .. d.History.Select(h => h.Actor),
        .. d.Handovers.SelectMany(h => new[] { h.SentBy, AssignmentFrom(h.Kind, h.FromName), AssignmentTo(h.Kind, h.ToName) }),
    ];

    /// <summary>Who took the dossier in at the desk: the reception hand-over's sender, else its creator.</summary>
    public static string Receiver(Dossier d) =>
        d.Handovers.Where(h => h.Kind == HandoverKinds.Reception).OrderBy(h => h.Order).Select(h => h.SentBy).FirstOrDefault() ?? d.CreatedBy;

    /// <summary>The hand-over's sender as a person reads it (an assignment is sent by a person, other kinds by a unit).</summary>
    public static string From(string kind, string fromName, PeopleNames names) =>
        AssignmentFrom(kind, fromName) is { } login ? names.Name(login) : fromName;

    public static string To(string kind, string toName, PeopleNames names) =>
        AssignmentTo(kind, toName) is { } login ? SpecialistPrefix + names.Name(login) : toName;

    private static string? AssignmentFrom(string kind, string fromName) => kind == HandoverKinds.Assignment ? fromName : null;

    private static string? AssignmentTo(string kind, string toName) =>
        kind == HandoverKinds.Assignment && toName.StartsWith(SpecialistPrefix, StringComparison.Ordinal) ? toName[SpecialistPrefix.Length..] : null;
}
