using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Platform.Tests.Storage;

/// <summary>
/// The clamd adapter against a tiny server in the test that speaks clamd's INSTREAM protocol (clamd itself cannot run
/// here with signatures): clean, infected, an error reply, a daemon that never answers and one that is down. A daemon
/// configured but unable to answer refuses the upload (fail closed, 503) and leaves no file behind.
/// </summary>
public sealed class ClamAvScannerTests : IDisposable
{
    /// <summary>The EICAR test string (not a virus; every scanner reports it as one).</summary>
    private static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    private readonly string _file = Path.GetTempFileName();
    private readonly CancellationTokenSource _stop = new();

    private enum Behaviour { Verdict, Error, Silent }

    /// <summary>A clamd stand-in: checks the command and the chunk framing, then answers like clamd.</summary>
    private (int Port, Task<byte[]> Received) Clamd(Behaviour behaviour)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                var command = new byte[10];
                await stream.ReadExactlyAsync(command, _stop.Token);
                Encoding.ASCII.GetString(command).ShouldBe("zINSTREAM\0");
                using var content = new MemoryStream();
                var length = new byte[4];
                while (true)
                {
                    await stream.ReadExactlyAsync(length, _stop.Token);
                    var size = BinaryPrimitives.ReadUInt32BigEndian(length);
                    if (size == 0)
                    {
                        break;
                    }

                    var chunk = new byte[size];
                    await stream.ReadExactlyAsync(chunk, _stop.Token);
                    content.Write(chunk);
                }

                var reply = behaviour switch
                {
                    Behaviour.Verdict => content.ToArray().AsSpan().IndexOf(Encoding.ASCII.GetBytes("EICAR-STANDARD")) >= 0
                        ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0",
                    Behaviour.Error => "INSTREAM size limit exceeded. ERROR\0",
                    _ => null,
                };
                if (reply is null)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token); // holds the connection, never answers
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply!), _stop.Token);
                return content.ToArray();
            }
            finally
            {
                listener.Stop();
            }
        });
        return (port, received);
    }

    private static ClamAvScanner Scanner(int port, int chunkBytes = 1024) => new(
        Options.Create(new BlobStorageOptions { ClamAv = { Host = "127.0.0.1", Port = port, TimeoutSeconds = 2, ChunkBytes = chunkBytes } }),
        NullLogger<ClamAvScanner>.Instance);

    [Fact]
    public async Task A_clean_file_is_sent_in_chunks_and_passes()
    {
        var content = HostileFiles.GoodPdf();
        await File.WriteAllBytesAsync(_file, content);
        var (port, received) = Clamd(Behaviour.Verdict);

        (await Scanner(port).IsCleanAsync(_file, CancellationToken.None)).ShouldBeTrue();
        (await received).ShouldBe(content); // reassembled from 1 KiB chunks
    }

    [Fact]
    public async Task The_EICAR_test_file_is_reported_infected()
    {
        await File.WriteAllBytesAsync(_file, Eicar);
        var (port, _) = Clamd(Behaviour.Verdict);

        (await Scanner(port).IsCleanAsync(_file, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_error_reply_is_no_verdict()
    {
        await File.WriteAllBytesAsync(_file, Eicar);
        var (port, _) = Clamd(Behaviour.Error);

        await Should.ThrowAsync<VirusScanUnavailableException>(() => Scanner(port).IsCleanAsync(_file, CancellationToken.None));
    }

    [Fact]
    public async Task A_daemon_that_never_answers_is_given_up_after_the_timeout()
    {
        await File.WriteAllBytesAsync(_file, Eicar);
        var (port, _) = Clamd(Behaviour.Silent);

        await Should.ThrowAsync<VirusScanUnavailableException>(() => Scanner(port).IsCleanAsync(_file, CancellationToken.None));
    }

    [Fact]
    public async Task A_daemon_that_is_down_is_no_verdict()
    {
        await File.WriteAllBytesAsync(_file, Eicar);

        await Should.ThrowAsync<VirusScanUnavailableException>(() => Scanner(ClosedPort()).IsCleanAsync(_file, CancellationToken.None));
    }

    [Fact]
    public async Task Through_the_guard_an_infected_file_is_refused_and_a_scanner_down_refuses_too_leaving_nothing()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var root = Path.Combine(Path.GetTempPath(), "onestop-clamd-" + Guid.NewGuid().ToString("N"));
        var rules = new UploadRules(1024 * 1024, [FileTypes.Pdf], "Test.UploadRejected");
        try
        {
            var (port, _) = Clamd(Behaviour.Verdict);
            using (var services = UploadGuardDeepCheckTests.Guard(root, Scanner(port)))
            {
                // A PDF carrying the EICAR string inside a stream passes the deep check; clamd finds it.
                var pdf = HostileFiles.Pdf((object)(byte[])[.. HostileFiles.Ascii("3 0 obj<</Length 68>>stream\n"), .. Eicar, .. HostileFiles.Ascii("\nendstream\nendobj\n")]);
                var infected = await Should.ThrowAsync<UploadRejectedException>(() => services.GetRequiredService<UploadGuard>().AcceptAsync("to-trinh.pdf", new MemoryStream(pdf), rules));
                infected.Reason.ShouldBe(UploadRefusal.Infected);
                infected.Message.ShouldBe("Tệp bị phần mềm diệt virus từ chối.");
            }

            using (var services = UploadGuardDeepCheckTests.Guard(root, Scanner(ClosedPort())))
            {
                var down = await Should.ThrowAsync<UploadRejectedException>(() =>
                    services.GetRequiredService<UploadGuard>().AcceptAsync("to-trinh.pdf", new MemoryStream(HostileFiles.GoodPdf()), rules));
                down.Reason.ShouldBe(UploadRefusal.ScanUnavailable);
                down.StatusCode.ShouldBe(503);
                down.MessageCode.ShouldBe(PlatformMessages.UploadScanUnavailable);
                down.Message.ShouldContain("không quét virus được");
            }

            UploadGuardDeepCheckTests.FilesUnder(root).ShouldBeEmpty();
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void The_scanner_is_chosen_by_configuration()
    {
        IVirusScanner Chosen(BlobStorageOptions o) => new ServiceCollection().AddLogging()
            .AddSingleton(Options.Create(o)).AddSingleton(TimeProvider.System)
            .AddPlatformBlobStorage(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
            .AddSingleton(Options.Create(o))
            .BuildServiceProvider().GetRequiredService<IVirusScanner>();

        Chosen(new BlobStorageOptions()).ShouldBeOfType<NoVirusScanner>();
        Chosen(new BlobStorageOptions { ClamAv = { Host = "clamd.internal" } }).ShouldBeOfType<ClamAvScanner>();
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        File.Delete(_file);
    }
}
