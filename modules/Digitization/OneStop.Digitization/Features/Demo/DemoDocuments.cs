using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Modules;
using OneStop.Platform.Scoping;

namespace OneStop.Digitization.Features.Demo;

/// <summary>
/// Digitised documents of the demo dataset (ADR 0019): the results of one in four dossiers returned in the last six
/// months are digitised at the resolving agency an hour after resolution, through <see cref="DigitizeHandler"/> (upload
/// guard, blob store, digitised code), into the applicant's data store. The file is one small placeholder PDF, stored
/// once (blobs are content-addressed); the rows are the real metadata.
/// </summary>
internal sealed class DemoDocuments(IServiceScopeFactory scopes, ILogger<DemoDocuments> logger) : IDemoDataContributor
{
    private const int Page = 500;
    private const int Months = 6;

    private static readonly byte[] Placeholder = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/MediaBox[0 0 595 842]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public int Order => 250;

    public async Task GenerateAsync(DemoDataRun run, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var since = VietnamTime.StartOf(run.To.AddMonths(-Months));
        var dossiers = (await ReturnedAsync(ct)).Where(d => d.ResolvedAt >= since).Where((_, i) => i % 4 == 0).OrderBy(d => d.ResolvedAt).ToList();
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<DigitizationDbContext>();
        var handler = sp.GetRequiredService<DigitizeHandler>();
        var current = sp.GetRequiredService<ICurrentScope>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var d in dossiers)
        {
            using var acting = current.Change(new UnitScope(d.ResolvingUnitId, d.ResolvingUnitPath, ""), null, "dulieumau");
            using var at = AsOfClock.At(d.ResolvedAt!.Value.AddHours(1));
            var name = "Kết quả: " + (d.ProcedureName.Length > 480 ? d.ProcedureName[..480] : d.ProcedureName);
            var type = "KQ." + d.ProcedureCode;
            using var content = new MemoryStream(Placeholder);
            await handler.HandleAsync(new DigitizeRequest(null, DocumentKinds.Result, name, type.Length > 64 ? type[..64] : type, null, DigitizationPlaces.Agency, null,
                null, d.ApplicantKind, d.ApplicantIdentity, d.ApplicantName), "ket-qua.pdf", content, ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Dữ liệu mẫu / demo data: {Documents} tài liệu số hóa trong {Seconds:F1} s", dossiers.Count, watch.Elapsed.TotalSeconds);
    }

    private async Task<List<DossierSnapshot>> ReturnedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var list = new List<DossierSnapshot>();
        if (scope.ServiceProvider.GetService<ICountersApi>() is not { } counters)
        {
            return list;
        }

        Guid? after = null;
        while (true)
        {
            var page = await counters.ListDossiersAsync(after, Page, ct);
            list.AddRange(page.Where(d => d.Status == DossierStatuses.Returned && d.ResolvedAt is not null));
            if (page.Count < Page)
            {
                return list;
            }

            after = page[^1].Id;
        }
    }
}
