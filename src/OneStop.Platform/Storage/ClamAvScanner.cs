using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.Platform.Storage;

/// <summary>
/// Asks clamd (ClamAV's daemon) over TCP with its documented INSTREAM command: <c>zINSTREAM\0</c>, then the file in
/// chunks each preceded by its length (4 bytes, network order), a zero length to end, and one reply ending in
/// <c>\0</c>: <c>stream: OK</c> (clean), <c>stream: &lt;signature&gt; FOUND</c> (infected) or <c>… ERROR</c>. Anything else
/// — no connection, a timeout, an error reply, a reply we cannot read — is <see cref="VirusScanUnavailableException"/>:
/// the guard then refuses the upload (fail closed, ADR 0033). Configuration: <c>Blobs:ClamAv:Host</c>, <c>Port</c>.
/// </summary>
internal sealed class ClamAvScanner(IOptions<BlobStorageOptions> options, ILogger<ClamAvScanner> logger) : IVirusScanner
{
    private const int MaxReplyBytes = 4096;

    public async Task<bool> IsCleanAsync(string filePath, CancellationToken ct)
    {
        var o = options.Value.ClamAv;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
        string reply;
        try
        {
            reply = await ExchangeAsync(o, filePath, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or IOException || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogError(e, "clamd at {Host}:{Port} did not answer", o.Host, o.Port);
            throw new VirusScanUnavailableException($"clamd at {o.Host}:{o.Port} did not answer.", e);
        }

        if (reply.EndsWith(" OK", StringComparison.Ordinal))
        {
            return true;
        }

        if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            logger.LogWarning("clamd refused an upload: {Reply}", reply);
            return false;
        }

        logger.LogError("clamd answered {Reply}", reply);
        throw new VirusScanUnavailableException($"clamd answered: {reply}");
    }

    private static async Task<string> ExchangeAsync(BlobStorageOptions.ClamAvOptions o, string filePath, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(o.Host!, o.Port, ct);
        await using var network = client.GetStream();
        await network.WriteAsync("zINSTREAM\0"u8.ToArray(), ct);
        var chunk = new byte[4 + Math.Clamp(o.ChunkBytes, 1024, 1024 * 1024)];
        await using (var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            int read;
            while ((read = await file.ReadAsync(chunk.AsMemory(4), ct)) > 0)
            {
                BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)read);
                await network.WriteAsync(chunk.AsMemory(0, 4 + read), ct);
            }
        }

        await network.WriteAsync(new byte[4], ct);
        var reply = new List<byte>();
        var buffer = new byte[256];
        while (reply.Count < MaxReplyBytes)
        {
            var read = await network.ReadAsync(buffer, ct);
            if (read == 0)
            {
                break;
            }

            reply.AddRange(buffer.Take(read));
            if (buffer.AsSpan(0, read).Contains((byte)0))
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(reply.ToArray()).TrimEnd('\0', '\n', ' ');
    }
}
