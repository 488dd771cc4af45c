using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Platform.TestKit;
using Xunit.Abstractions;

namespace OneStop.Platform.Tests.Api;

/// <summary>
/// The REST API as a product (ADR 0038): every /api/v1 operation is described in both languages, the document passes
/// Spectral's standard OpenAPI ruleset, and nothing a partner relies on disappears without the changelog saying so.
/// </summary>
public sealed class ApiContractTests(OneStopFactory factory, ITestOutputHelper output) : IClassFixture<OneStopFactory>
{
    /// <summary>Set to 1 to rewrite the committed contract from the served document (refused while a removal is unlogged).</summary>
    public const string UpdateVariable = "ONESTOP_UPDATE_API_CONTRACT";

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneStop.Platform.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("OneStop.Platform.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ContractPath => Path.Combine(RepositoryRoot, "etc", "conformance", "contract", "openapi-v1.json");
    public static string ChangelogPath => Path.Combine(RepositoryRoot, "etc", "docs", "api-changelog.md");

    /// <summary>The served document as committed: without the servers (they name whatever host answered).</summary>
    public static string Normalise(string served)
    {
        var document = JsonNode.Parse(served)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private async Task<string> ServedAsync() => await factory.CreateClient().GetStringAsync("/openapi/v1.json");

    [Fact]
    public async Task Every_api_operation_has_an_id_Vietnamese_and_English_text_a_module_tag_and_its_scope()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var missing = new List<string>();
        var ids = new HashSet<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                if (op![Host.OpenApi.ApiContract.MissingTextExtension] is { } file)
                {
                    missing.Add($"{op["operationId"]} ({method.ToUpperInvariant()} {path}) → {file}");
                }

                ids.Add(op["operationId"]!.GetValue<string>()).ShouldBeTrue($"duplicate operationId {op["operationId"]}");
                op["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
                op["tags"]!.AsArray().Count.ShouldBe(1, $"{method} {path}");
                if (op["security"]?.AsArray() is { Count: > 0 } security)
                {
                    security[0]!["oauth2"].ShouldNotBeNull($"{method} {path}");
                    op["responses"]!["401"].ShouldNotBeNull($"{method} {path}");
                }
            }
        }

        missing.ShouldBeEmpty("Operations without text: add { \"vi\": \"…\", \"en\": \"…\" } under their id to the named OpenApi/operations.json:\n" + string.Join("\n", missing));
        var scheme = document["components"]!["securitySchemes"]!["oauth2"]!;
        scheme["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>().ShouldBe("/connect/token");
        scheme["flows"]!["clientCredentials"]!["scopes"]!["Platform.Units.Read"].ShouldNotBeNull();
        document["paths"]!["/api/v1/platform/units"]!["get"]!["security"]![0]!["oauth2"]![0]!.GetValue<string>().ShouldBe("Platform.Units.Read");
        document["webhooks"]!["dossier.status-changed"]!["post"]!["parameters"]!.AsArray()
            .Select(p => p!["name"]!.GetValue<string>()).ShouldContain("X-OneStop-Signature");
    }

    [Fact]
    public async Task Spectral_with_the_standard_OpenAPI_ruleset_finds_no_error_and_fewer_than_20_warnings()
    {
        var lint = Path.Combine(RepositoryRoot, "etc", "conformance", "spectral");
        var spectral = Path.Combine(lint, "node_modules", ".bin", "spectral");
        if (!File.Exists(spectral))
        {
            // Installed like the host's front-end packages: from the npm registry, pinned by package-lock.json.
            (await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", lint)).ExitCode.ShouldBe(0, "npm ci in etc/conformance/spectral failed");
        }

        var file = Path.Combine(Path.GetTempPath(), $"onestop-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await ServedAsync());
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync(spectral, $"lint \"{file}\" --ruleset .spectral.yaml --format json --quiet --fail-severity error", lint);
            var results = JsonNode.Parse(stdout[stdout.IndexOf('[')..])!.AsArray();
            var errors = results.Where(r => r!["severity"]!.GetValue<int>() == 0).ToList();
            var warnings = results.Where(r => r!["severity"]!.GetValue<int>() == 1).ToList();
            var report = string.Join("\n", results.Select(r => $"{r!["severity"]} {r["code"]} {string.Join('.', r["path"]!.AsArray())}: {r["message"]}"));
            output.WriteLine($"Spectral (spectral:oas): {errors.Count} errors, {warnings.Count} warnings\n{report}");
            errors.ShouldBeEmpty(report + stderr);
            warnings.Count.ShouldBeLessThan(20, report);
            exitCode.ShouldBe(0, stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Nothing_disappears_from_the_contract_without_a_changelog_entry_and_the_committed_contract_is_current()
    {
        var served = Normalise(await ServedAsync());
        var committed = File.Exists(ContractPath) ? await File.ReadAllTextAsync(ContractPath) : null;
        if (committed is not null)
        {
            var changelog = File.Exists(ChangelogPath) ? await File.ReadAllTextAsync(ChangelogPath) : "";
            var unlogged = Removals(committed, served, changelog);
            unlogged.ShouldBeEmpty(
                "These parts of the contract disappeared; a partner's integration may depend on them. Keep them, or name each line "
                + $"(in backticks) in etc/docs/api-changelog.md under the version that removes it:\n{string.Join("\n", unlogged.Select(l => $"- `{l}`"))}");
        }

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ContractPath)!);
            await File.WriteAllTextAsync(ContractPath, served);
            return;
        }

        committed.ShouldNotBeNull($"No committed contract: run this test with {UpdateVariable}=1 to write {ContractPath}.");
        (committed == served).ShouldBeTrue(
            $"The served /openapi/v1.json differs from etc/conformance/contract/openapi-v1.json (the generated client is built from it). "
            + $"Review the change, then run this test with {UpdateVariable}=1 and commit the file. First differing line: {FirstDifference(committed, served)}");
    }

    [Fact]
    public async Task A_field_removed_from_a_response_is_reported_until_the_changelog_names_it()
    {
        var committed = await File.ReadAllTextAsync(ContractPath);
        var document = JsonNode.Parse(committed)!;
        // The unit's name, which every partner listing units reads.
        document["components"]!["schemas"]!["AdministrativeUnitInfo"]!["properties"]!.AsObject().Remove("name").ShouldBeTrue();
        var served = Normalise(document.ToJsonString());
        const string line = "GET /api/v1/platform/units 200(application/json).items[].name: string";

        Removals(committed, served, changelog: "").ShouldContain(line);
        Removals(committed, served, changelog: $"## 2.0.0\n- Removed `{line}`\n").ShouldNotContain(line);
        Removals(committed, committed, changelog: "").ShouldBeEmpty();
    }

    /// <summary>Lines of the committed contract's surface that the served one lacks and the changelog does not name.</summary>
    public static List<string> Removals(string committed, string served, string changelog)
    {
        var before = ContractSurface.Of(JsonNode.Parse(committed)!);
        var after = ContractSurface.Of(JsonNode.Parse(served)!);
        return before.Where(line => !after.Contains(line) && !changelog.Contains($"`{line}`", StringComparison.Ordinal)).ToList();
    }

    private static string FirstDifference(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<end>";
            var r = i < right.Length ? right[i] : "<end>";
            if (l != r)
            {
                return $"line {i + 1}: committed «{l.Trim()}», served «{r.Trim()}»";
            }
        }

        return "none";
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
