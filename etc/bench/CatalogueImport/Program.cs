using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.ImportCatalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.TestKit;

// Import of the whole shipped catalogue (5,670 procedures) on a fresh PostgreSQL database seeded as at first start,
// through the real service (stage, preview, apply: one transaction, audited), then the same file again (idempotent).
// Baseline in the same run: COPY (binary) of the same procedure rows into an unlogged copy of the table.
// Usage: eval "$(etc/scripts/postgres.sh start)"; dotnet run -c Release --project etc/bench/CatalogueImport
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine("load average before: " + File.ReadAllText("/proc/loadavg").Trim());
OneStopFactory.UseSourceTreeContentRoot();
await using var host = new OneStopFactory();
await host.InitializeAsync();
var cs = host.Database.ConnectionString!;
var effectiveFrom = new DateOnly(2026, 12, 7);

async Task<T> Import<T>(Func<CatalogueImport, Task<T>> action) =>
    await host.AsSystemAsync(sp => action(sp.GetRequiredService<CatalogueImport>()));

var watch = Stopwatch.StartNew();
var fileId = await Import(i => i.StageShippedAsync(CancellationToken.None));
var stage = watch.Elapsed;
watch.Restart();
var preview = await Import(i => i.PreviewAsync(fileId, CountersSeeder.ShippedFileName, effectiveFrom, null, 1, 50, CancellationToken.None));
var previewTime = watch.Elapsed;
watch.Restart();
var applied = await Import(i => i.ApplyAsync(fileId, CountersSeeder.ShippedFileName, effectiveFrom, CancellationToken.None));
var applyTime = watch.Elapsed;
watch.Restart();
var again = await Import(i => i.ApplyAsync(fileId, CountersSeeder.ShippedFileName, effectiveFrom.AddDays(1), CancellationToken.None));
var againTime = watch.Elapsed;
Console.WriteLine($"stage (read, check, store) {stage.TotalSeconds:N2} s; preview {previewTime.TotalSeconds:N2} s ({preview.Counts.New:N0} new, {preview.Counts.Changed} changed, {preview.Counts.Abolished} abolished)");
Console.WriteLine($"apply {applyTime.TotalSeconds:N2} s ({applied.Counts.New:N0} new procedures, with versions, legal times, fees and audit records)");
Console.WriteLine($"whole import (stage + preview + apply) {(stage + previewTime + applyTime).TotalSeconds:N2} s");
Console.WriteLine($"same file again {againTime.TotalSeconds:N2} s ({again.Counts.New} new, {again.Counts.Changed} changed, {again.Counts.Abolished} abolished)");

// Baseline: the same 5,670 procedure rows by binary COPY into an unlogged copy of the procedures table.
IReadOnlyList<CatalogueRow> rows;
using (var reader = new StreamReader(CountersSeeder.OpenSeedFile(CountersSeeder.ShippedFileName), Encoding.UTF8))
{
    rows = CatalogueFile.Read(reader).Rows;
}

await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using (var create = new NpgsqlCommand("""CREATE UNLOGGED TABLE bench_procedures (LIKE counters."Procedures" INCLUDING DEFAULTS)""", connection))
    {
        await create.ExecuteNonQueryAsync();
    }

    watch.Restart();
    await using (var copy = await connection.BeginBinaryImportAsync(
        """COPY bench_procedures ("Id", "Code", "Name", "SearchText", "Field", "AtCommune", "AtDistrict", "AtProvince", "ExecutingAgency", "FullyOnline", "PostalAllowed", "Source", "PopulationDataConnected", "CreatedAt", "CreatedBy") FROM STDIN (FORMAT BINARY)"""))
    {
        foreach (var r in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await copy.WriteAsync(r.Code);
            await copy.WriteAsync(r.Name);
            await copy.WriteAsync(r.Code + " " + r.Name);
            await copy.WriteAsync(r.Field);
            await copy.WriteAsync(false);
            await copy.WriteAsync(false);
            await copy.WriteAsync(true);
            await copy.WriteAsync(r.ExecutingAgency);
            await copy.WriteAsync(false);
            await copy.WriteAsync(false);
            await copy.WriteAsync("bench");
            await copy.WriteAsync(false);
            await copy.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync("bench");
        }

        await copy.CompleteAsync();
    }

    async Task<long> Count(string table)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    Console.WriteLine($"rows now: {await Count("counters.\"Procedures\""):N0} procedures, {await Count("counters.\"ProcedureVersions\""):N0} versions, "
        + $"{await Count("counters.\"ProcedureLegalTimes\""):N0} legal times, {await Count("counters.\"ProcedureFees\""):N0} fees, {await Count("counters.\"AuditRecords\""):N0} audit records in counters");
    Console.WriteLine($"baseline: COPY of the same {rows.Count:N0} procedure rows (no versions, times, fees, audit) {watch.Elapsed.TotalSeconds:N2} s");
}

Console.WriteLine("load average after: " + File.ReadAllText("/proc/loadavg").Trim());
return applyTime.TotalSeconds < 30 ? 0 : 1;
