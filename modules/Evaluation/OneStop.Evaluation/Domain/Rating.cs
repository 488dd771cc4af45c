using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;

namespace OneStop.Evaluation.Domain;

/// <summary>
/// A dossier as Evaluation knows it, kept from the Counters <c>DossierChanged</c> events (event-carried state): enough
/// to find it by code at the kiosk, to know whether it may be rated and which desk it belongs to. Owned by the
/// receiving unit, whose desk is the one rated.
/// </summary>
[NotAudited] // derived from events; the source of truth and its audit trail live in Counters
internal sealed class RatedDossier : ScopedEntity, IVersionedProjection
{
    private RatedDossier() { }

    /// <summary>The snapshot version copied in (Counters' <c>DossierSnapshot.Version</c>).</summary>
    public long Version { get; set; }

    public RatedDossier(Guid id) => Id = id;

    public string Code { get; set; } = "";
    public string ProcedureName { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Status { get; set; } = "";
    public string ResolvingUnitPath { get; set; } = "";
    public Guid? TicketId { get; set; }

    /// <summary>Last four characters of the applicant's CCCD or enterprise code: the kiosk asks for them with the code.</summary>
    public string IdentityTail { get; set; } = "";
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
}

/// <summary>Who records a rating — which decides its channel (ADR 0031).</summary>
internal enum RatingSource
{
    /// <summary>The applicant, on the kiosk page at the desk, without signing in.</summary>
    Kiosk,

    /// <summary>A system acting for the applicant online (the public service portal, an API client).</summary>
    Portal,

    /// <summary>A signed-in officer typing in a form the applicant filled in on paper.</summary>
    Staff,
}

/// <summary>How a rating was given (hình thức đánh giá): where the applicant gave it, whatever a recording form claims.</summary>
internal static class RatingChannels
{
    /// <summary>At the desk, on the kiosk or tablet, without signing in.</summary>
    public const string Kiosk = "KIOSK";
    /// <summary>Online, after the result was returned: given by the applicant on the portal, never typed in by staff.</summary>
    public const string Online = "ONLINE";
    /// <summary>A paper form (Circular 01/2018) typed in by the desk officer.</summary>
    public const string Paper = "PAPER";

    public static readonly string[] All = [Kiosk, Online, Paper];

    /// <summary>
    /// The channel a rating counts under: the kiosk page's are kiosk ratings; anything an officer types in is paper
    /// (an officer cannot give an applicant's online rating); a system acting for the applicant online gives online
    /// ratings, or paper ones when it says so.
    /// </summary>
    public static string GivenAt(RatingSource source, string claimed) => source switch
    {
        RatingSource.Kiosk => Kiosk,
        RatingSource.Staff => Paper,
        _ => claimed == Paper ? Paper : Online,
    };
}

/// <summary>Overall rating (đánh giá chung).</summary>
internal static class OverallRatings
{
    public const string VerySatisfied = "VERY_SATISFIED";   // Rất hài lòng
    public const string Satisfied = "SATISFIED";            // Hài lòng
    public const string Dissatisfied = "DISSATISFIED";      // Không hài lòng

    public static readonly string[] All = [VerySatisfied, Satisfied, Dissatisfied];
    public static readonly string[] Positive = [VerySatisfied, Satisfied];
}

/// <summary>
/// Phiếu đánh giá mức độ hài lòng: the nine criteria of Circular 01/2018 (Chapter III), each 2/1/0 points, plus the
/// overall rating. One per dossier per channel. Tamper-evident: each rating carries the SHA-256 of its content and of
/// the previous rating (a chain over the module), so editing, removing or reordering a stored rating is detected.
/// </summary>
internal sealed class Rating : ScopedEntity
{
    public const int CriteriaCount = 9;
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private Rating() { }

    public Rating(RatedDossier dossier, string channel, int[] scores, string overall, string? comment, DateTimeOffset ratedAt, string? claimedChannel = null)
    {
        DossierId = dossier.Id;
        DossierCode = dossier.Code;
        UnitId = dossier.UnitId;
        UnitPath = dossier.UnitPath;
        Channel = channel;
        ClaimedChannel = claimedChannel == channel ? null : claimedChannel;
        Scores = string.Concat(scores.Select(s => (char)('0' + s)));
        Points = scores.Sum();
        Overall = overall;
        Comment = comment;
        RatedAt = ratedAt;
    }

    public Guid DossierId { get; private set; }
    public string DossierCode { get; private set; } = "";
    /// <summary>Where the applicant gave the rating (<see cref="RatingChannels"/>); this is the channel every figure counts.</summary>
    public string Channel { get; private set; } = "";

    /// <summary>
    /// The channel the recording form claimed when it differs from <see cref="Channel"/> (an officer's "online"), kept
    /// for the record; null otherwise. Covered by the hash when present.
    /// </summary>
    public string? ClaimedChannel { get; private set; }

    /// <summary>The nine criteria as digits (e.g. <c>221212222</c>), criterion 1 first.</summary>
    public string Scores { get; private set; } = "";

    /// <summary>Sum of the criteria, 0–18.</summary>
    public int Points { get; private set; }
    public string Overall { get; private set; } = "";
    public string? Comment { get; private set; }
    public DateTimeOffset RatedAt { get; private set; }

    /// <summary>Position in the module's rating chain, from 1.</summary>
    public long Seq { get; private set; }
    public string PreviousHash { get; private set; } = GenesisHash;
    public string Hash { get; private set; } = "";

    public void Chain(long seq, string previousHash)
    {
        Seq = seq;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public string ComputeHash()
    {
        var canonical = string.Join('|', Seq.ToString(CultureInfo.InvariantCulture), Id.ToString("N"), DossierId.ToString("N"), DossierCode, UnitId.ToString("N"), UnitPath,
            Channel, Scores, Overall, Comment ?? "", RatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), PreviousHash);
        if (ClaimedChannel is not null)
        {
            canonical += "|" + ClaimedChannel; // ratings without a claimed channel keep the hash they were written with
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>How a complaint arrived.</summary>
internal static class ComplaintChannels
{
    public const string Desk = "DESK";
    public const string Online = "ONLINE";
    public const string Hotline = "HOTLINE";
    public static readonly string[] All = [Desk, Online, Hotline];
}

internal static class ComplaintOutcomes
{
    public const string Accepted = "ACCEPTED";    // Tiếp thu, khắc phục
    public const string Explained = "EXPLAINED";  // Giải thích, hướng dẫn
    public const string Rejected = "REJECTED";    // Không có cơ sở
    public static readonly string[] All = [Accepted, Explained, Rejected];
}

/// <summary>
/// Phản ánh, kiến nghị (PAKN) about the desk or a dossier: received, handled by the due date (handling time counted
/// from reception to the answer), with an outcome and the applicant's satisfaction with the answer.
/// </summary>
internal sealed class Complaint : ScopedEntity
{
    private Complaint() { }

    public Complaint(string code, string channel, string subject, string content, string applicantName, string? contact, string? dossierCode, DateTimeOffset receivedAt, DateTimeOffset dueAt)
    {
        Code = code;
        Channel = channel;
        Subject = subject;
        Content = content;
        ApplicantName = applicantName;
        Contact = contact;
        DossierCode = dossierCode;
        ReceivedAt = receivedAt;
        DueAt = dueAt;
    }

    public string Code { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Content { get; private set; } = "";
    public string ApplicantName { get; private set; } = "";
    public string? Contact { get; private set; }
    public string? DossierCode { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Outcome { get; private set; }
    public string? Answer { get; private set; }

    /// <summary>The applicant's view of the answer; null until asked.</summary>
    public bool? ApplicantSatisfied { get; private set; }

    public bool IsResolved => ResolvedAt is not null;

    /// <summary>Handling time in hours, once answered.</summary>
    public double? HandlingHours => ResolvedAt is { } r ? Math.Round((r - ReceivedAt).TotalHours, 1) : null;

    public void Resolve(string outcome, string answer, bool? applicantSatisfied, DateTimeOffset at)
    {
        Outcome = outcome;
        Answer = answer;
        ApplicantSatisfied = applicantSatisfied;
        ResolvedAt = at;
    }
}
