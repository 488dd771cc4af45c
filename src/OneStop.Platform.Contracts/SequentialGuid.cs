namespace OneStop.Platform;

/// <summary>
/// Version-7 GUIDs that strictly increase within the process. <see cref="Guid.CreateVersion7()"/> orders only by the
/// millisecond: two ids made in the same millisecond sort at random, which would reorder a dossier's events. Here a
/// new id not greater than the last one becomes the last one plus one (in the random low bits), so ordering by id is
/// creation order — in .NET (CompareTo), PostgreSQL (uuid) and SQLite (text) alike.
/// </summary>
public static class SequentialGuid
{
    private static readonly Lock Gate = new();
    private static Guid _last;

    public static Guid NewGuid()
    {
        var candidate = Guid.CreateVersion7();
        lock (Gate)
        {
            _last = candidate.CompareTo(_last) > 0 ? candidate : Increment(_last);
            return _last;
        }
    }

    private static Guid Increment(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        // Bytes 9..15 are random; byte 8 keeps the variant bits. Carry stops there (2^56 ids a millisecond is enough).
        for (var i = 15; i >= 9; i--)
        {
            if (++bytes[i] != 0)
            {
                break;
            }
        }

        return new Guid(bytes, bigEndian: true);
    }
}
