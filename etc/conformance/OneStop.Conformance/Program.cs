using OneStop.Conformance;

// dotnet run --project etc/conformance/OneStop.Conformance -- --base-url http://localhost:5000 --client-id cong-dvc-demo --client-secret demo-secret-2025
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        OneStop API conformance kit — bộ kiểm tra tuân thủ API
          --base-url URL          the deployment (default ONESTOP_BASE_URL or http://localhost:5000)
          --client-id ID          client credentials (default ONESTOP_CLIENT_ID or the sandbox's cong-dvc-demo)
          --client-secret SECRET  (default ONESTOP_CLIENT_SECRET or demo-secret-2025)
          --exhaust-rate-limit    also call until 429 and check Retry-After (uses up the client's minute)
          --report FILE           also write the report to FILE
        Exit code 0 when no check failed.
        """);
    return 0;
}

var baseUrl = Arg("--base-url") ?? Environment.GetEnvironmentVariable("ONESTOP_BASE_URL") ?? "http://localhost:5000";
var options = new ConformanceOptions
{
    ClientId = Arg("--client-id") ?? Environment.GetEnvironmentVariable("ONESTOP_CLIENT_ID") ?? "cong-dvc-demo",
    ClientSecret = Arg("--client-secret") ?? Environment.GetEnvironmentVariable("ONESTOP_CLIENT_SECRET") ?? "demo-secret-2025",
    ExhaustRateLimit = args.Contains("--exhaust-rate-limit"),
};

using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
var report = await new ConformanceKit(http, options).RunAsync();
var text = report.Render(baseUrl);
Console.WriteLine(text);
if (Arg("--report") is { } file)
{
    await File.WriteAllTextAsync(file, text);
}

return report.Failed == 0 ? 0 : 1;
