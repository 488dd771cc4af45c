using OneStop.Platform.Domain;

namespace OneStop.Queue.Domain;

/// <summary>
/// A service point (điểm phục vụ): the one-stop desk of a unit or the provincial centre, with its counters. Its public
/// <see cref="Code"/> (e.g. the desk agency's code <c>MC10507</c>) names it in kiosk, board and booking addresses.
/// </summary>
internal sealed class QueueDesk : ScopedEntity
{
    private QueueDesk() { }

    public QueueDesk(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Fairness rule (ADR 0008): a priority ticket queues as if issued this many minutes earlier.</summary>
    public int PriorityHeadStartMinutes { get; set; } = QueuePolicy.DefaultHeadStartMinutes;

    /// <summary>Appointment slot length and how many citizens one slot takes.</summary>
    public int SlotMinutes { get; set; } = 30;
    public int SlotCapacity { get; set; } = 4;

    public List<QueueCounter> Counters { get; private set; } = [];

    /// <summary>Fields served by at least one counter: what the kiosk offers.</summary>
    public IReadOnlyList<string> Fields => Counters.SelectMany(c => c.Fields).Distinct().Order(OneStop.Platform.Localization.Vietnamese.Order).ToList();
}

/// <summary>A counter (quầy) of a desk: serves a set of procedure fields (lĩnh vực); one officer sits at it at a time.</summary>
internal sealed class QueueCounter : ScopedEntity
{
    private QueueCounter() { }

    public QueueCounter(QueueDesk desk, int number, string name, IEnumerable<string> fields)
    {
        DeskId = desk.Id;
        UnitId = desk.UnitId;
        UnitPath = desk.UnitPath;
        Number = number;
        Name = name;
        SetFields(fields);
    }

    public Guid DeskId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Fields, one per line (a counter serves a handful).</summary>
    public string FieldsText { get; private set; } = "";
    public Guid? OfficerId { get; private set; }
    public string? OfficerName { get; private set; }

    /// <summary>The ticket called to this counter and not finished yet.</summary>
    public Guid? CurrentTicketId { get; set; }

    public IReadOnlyList<string> Fields => FieldsText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void SetFields(IEnumerable<string> fields) =>
        FieldsText = string.Join('\n', fields.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct());

    public void SignIn(Guid officerId, string officerName)
    {
        OfficerId = officerId;
        OfficerName = officerName;
    }

    public void SignOut()
    {
        OfficerId = null;
        OfficerName = null;
    }
}
