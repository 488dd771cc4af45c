using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Localization;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.ImportCatalogue;

/// <summary>Counts of a catalogue import: procedures in the file, and how many are new, changed, abolished, unchanged.</summary>
internal sealed record CatalogueImportCounts(int InFile, int New, int Changed, int Abolished, int Unchanged);

/// <summary>One row of a preview: kind (new, changed, abolished), the procedure and what changed (before → after).</summary>
internal sealed record CatalogueDifferenceDto(string Kind, string Code, string Name, IReadOnlyList<CatalogueFieldChange> Changes);

/// <summary>A checked file, not applied: its id (SHA-256) for the apply step, the counts and one page of the differences.</summary>
internal sealed record CatalogueImportPreview(
    string FileId, string FileName, DateOnly EffectiveFrom, CatalogueImportCounts Counts,
    IReadOnlyList<CatalogueDifferenceDto> Rows, string? Kind, int Page, int PageSize, int TotalRows);

/// <summary>An applied import: the new versions written, effective from <see cref="EffectiveFrom"/>.</summary>
internal sealed record CatalogueImportResult(string FileId, string FileName, DateOnly EffectiveFrom, CatalogueImportCounts Counts);

/// <summary>
/// Nhập và đồng bộ danh mục TTHC (ADR 0025): a catalogue file is checked and stored (content-addressed, its SHA-256 is
/// the file id), previewed as differences against the latest versions, then applied in one transaction as new
/// procedure versions effective on a date. Idempotent: applying the same file again finds no difference and writes
/// nothing. The comparison runs in memory over the whole catalogue; the writes are one SaveChanges.
/// </summary>
internal sealed class CatalogueImport(CountersDbContext db, IBlobStore blobs, TimeProvider clock)
{
    public const int MaxMegabytes = 20;
    public const int DefaultPageSize = 50;

    /// <summary>Checks a file and stores it; refused files store nothing (400 with every problem, up to 50).</summary>
    public async Task<string> StageAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxMegabytes * 1024L * 1024L)
        {
            throw new PlatformException(CountersErrorCodes.CatalogueFileInvalid, 400, MaxMegabytes) { MessageCode = CountersMessages.CatalogueImportFileTooLarge };
        }

        var bytes = buffer.ToArray();
        Parse(bytes);
        return (await blobs.PutAsync(bytes, ct)).Key;
    }

    /// <summary>Stores the catalogue file shipped with the product (SeedData/tthc-catalog-2026-07.csv).</summary>
    public Task<string> StageShippedAsync(CancellationToken ct)
    {
        using var stream = CountersSeeder.OpenSeedFile(CountersSeeder.ShippedFileName);
        return StageAsync(stream, ct);
    }

    public async Task<CatalogueImportPreview> PreviewAsync(string fileId, string fileName, DateOnly effectiveFrom, string? kind, int page, int pageSize, CancellationToken ct)
    {
        var rows = await ReadAsync(fileId, ct);
        var current = await LoadAsync(tracked: false, ct);
        var differences = CatalogueSync.Compare(rows, current);
        var counts = Count(rows, differences);
        var filtered = kind is null ? differences : differences.Where(d => d.Kind == kind).ToList();
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var pageRows = filtered.Skip((page - 1) * pageSize).Take(pageSize).Select(d => new CatalogueDifferenceDto(d.Kind, d.Code, d.Name, d.Changes)).ToList();
        return new CatalogueImportPreview(fileId, fileName, effectiveFrom, counts, pageRows, kind, page, pageSize, filtered.Count);
    }

    public async Task<CatalogueImportResult> ApplyAsync(string fileId, string fileName, DateOnly effectiveFrom, CancellationToken ct)
    {
        var rows = await ReadAsync(fileId, ct);
        var source = new CatalogueSource(ProcedureVersionSources.Import, fileName, fileId);
        // Stored data, in Vietnamese like the seed's reasons (not a message shown in the reader's language).
        var reason = "Theo tệp danh mục " + fileName;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await LoadAsync(tracked: true, ct);
        var differences = CatalogueSync.Compare(rows, current);
        var late = differences.Where(d => d.Procedure is not null)
            .Select(d => (d.Code, Latest: CatalogueSync.LatestEffectiveFrom(d.Procedure!)))
            .FirstOrDefault(d => d.Latest is { } latest && latest > effectiveFrom);
        if (late.Latest is { } after)
        {
            throw new PlatformException(CountersErrorCodes.CatalogueImportOutOfOrder, 409, late.Code, after) { MessageCode = CountersMessages.CatalogueImportOutOfOrder };
        }

        var added = new List<object>();
        var removedFees = new List<ProcedureFee>();
        foreach (var d in differences)
        {
            switch (d.Kind)
            {
                case CatalogueChangeKinds.New:
                    var procedure = CatalogueSync.NewProcedure(d.Row!, effectiveFrom, source, reason);
                    procedure.Versions.Add(CatalogueSync.Snapshot(procedure, 1, effectiveFrom, ProcedureVersionStatuses.Active, source, ""));
                    added.Add(procedure);
                    break;
                case CatalogueChangeKinds.Changed:
                    added.AddRange(CatalogueSync.ApplyChange(d.Procedure!, d.Row!, d.Changes, effectiveFrom, source, reason, removedFees));
                    break;
                case CatalogueChangeKinds.Abolished:
                    added.Add(CatalogueSync.Abolish(d.Procedure!, effectiveFrom, source));
                    break;
            }
        }

        db.RemoveRange(removedFees);
        db.AddRange(added);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CatalogueImportResult(fileId, fileName, effectiveFrom, Count(rows, differences));
    }

    private async Task<List<Procedure>> LoadAsync(bool tracked, CancellationToken ct)
    {
        var query = db.Procedures.Include(p => p.LegalTimes).Include(p => p.Fees).Include(p => p.Components).Include(p => p.Versions).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<CatalogueRow>> ReadAsync(string fileId, CancellationToken ct)
    {
        var key = (fileId ?? "").Trim().ToLowerInvariant();
        if (!BlobKeys.IsValid(key) || await blobs.OpenAsync(key, ct) is not { } stream)
        {
            throw new PlatformException(CountersErrorCodes.CatalogueFileInvalid, 404) { MessageCode = CountersMessages.CatalogueImportFileGone };
        }

        using var buffer = new MemoryStream();
        await using (stream)
        {
            await stream.CopyToAsync(buffer, ct);
        }

        return Parse(buffer.ToArray());
    }

    private static IReadOnlyList<CatalogueRow> Parse(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var (rows, errors) = CatalogueFile.Read(reader);
        if (errors.Count > 0)
        {
            throw new PlatformException(CountersErrorCodes.CatalogueFileInvalid, 400, errors.Count)
            {
                MessageCode = CountersMessages.CatalogueImportRefused,
                Errors = new Dictionary<string, string[]> { ["File"] = errors.Select(e => Messages.Text(e.MessageCode, e.Arguments)).ToArray() },
            };
        }

        return rows;
    }

    private static CatalogueImportCounts Count(IReadOnlyList<CatalogueRow> rows, List<CatalogueDifference> differences)
    {
        var created = differences.Count(d => d.Kind == CatalogueChangeKinds.New);
        var changed = differences.Count(d => d.Kind == CatalogueChangeKinds.Changed);
        var abolished = differences.Count(d => d.Kind == CatalogueChangeKinds.Abolished);
        return new CatalogueImportCounts(rows.Count, created, changed, abolished, rows.Count - created - changed);
    }

    /// <summary>Today in Vietnam, the default effective date.</summary>
    public DateOnly Today => OneStop.Platform.Domain.VietnamTime.Today(clock);
}
