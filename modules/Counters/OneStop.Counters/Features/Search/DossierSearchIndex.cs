using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Messaging;
using OneStop.Platform.Modules;
using OneStop.Platform.Search;

namespace OneStop.Counters.Features.Search;

/// <summary>Permissions of dossier search; <see cref="Manage"/> is registered by <see cref="DossierSearchServices.AddDossierSearch"/>.</summary>
internal static class DossierSearchPermissions
{
    /// <summary>Search dossiers of one's scope (tra cứu hồ sơ): whoever may view dossiers.</summary>
    public const string Search = CountersPermissions.DossiersRead;

    /// <summary>Rebuild the search index and watch its progress: system administrators.</summary>
    public const string Manage = "Counters.Dossiers.SearchManage";

    public static readonly PermissionDefinition[] All =
    [
        new(Manage, "Quản lý chỉ mục tìm kiếm hồ sơ", "Manage the dossier search index", Roles.SystemAdmin),
    ];
}

/// <summary>What a hit shows: kept in the index as the document's source, so a results page needs no database read.</summary>
internal sealed record DossierSearchItem(
    Guid Id,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string ApplicantName,
    string ApplicantIdentity,
    string Status,
    string Channel,
    string ReceivingUnitName,
    string ResolvingUnitName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ResolvedAt,
    bool IsOverdue);

/// <summary>The dossier index (indexed fields of issue 9) and the mapping of a <see cref="DossierSnapshot"/> onto it.</summary>
internal static class DossierSearchIndex
{
    public const string Code = "code";
    public const string ApplicantIdentity = "applicantIdentity";
    public const string ProcedureCode = "procedureCode";
    public const string ProcedureName = "procedureName";
    public const string ProcedureField = "procedureField";
    public const string ApplicantName = "applicantName";
    public const string Address = "address";
    public const string Units = "units";
    public const string Components = "components";
    public const string Procedure = "procedure";
    public const string Status = "status";
    public const string Channel = "channel";
    public const string ApplicantKind = "applicantKind";
    public const string Overdue = "overdue";
    public const string ReceivingUnitPath = "receivingUnitPath";
    public const string ResolvingUnitPath = "resolvingUnitPath";
    public const string SubmittedAt = "submittedAt";
    public const string ReceivedAt = "receivedAt";
    public const string DueAt = "dueAt";
    public const string ResolvedAt = "resolvedAt";

    public static readonly SearchIndexDefinition Definition = new("counters-dossiers",
    [
        new(Code, SearchFieldKind.Identifier),
        new(ApplicantIdentity, SearchFieldKind.Identifier), // CCCD or enterprise code: exact
        new(ProcedureCode, SearchFieldKind.Identifier),
        new(ProcedureName, SearchFieldKind.Text),
        new(ProcedureField, SearchFieldKind.Text),
        new(ApplicantName, SearchFieldKind.Text),
        new(Address, SearchFieldKind.Text),
        new(Units, SearchFieldKind.Text),
        new(Components, SearchFieldKind.Text),
        new(Procedure, SearchFieldKind.Keyword, Facet: true),
        new(Status, SearchFieldKind.Keyword, Facet: true),
        new(Channel, SearchFieldKind.Keyword, Facet: true),
        new(ApplicantKind, SearchFieldKind.Keyword, Facet: true),
        new(Overdue, SearchFieldKind.Keyword, Facet: true),
        new(ReceivingUnitPath, SearchFieldKind.Keyword),
        new(ResolvingUnitPath, SearchFieldKind.Keyword),
        new(SubmittedAt, SearchFieldKind.Date),
        new(ReceivedAt, SearchFieldKind.Date),
        new(DueAt, SearchFieldKind.Date),
        new(ResolvedAt, SearchFieldKind.Date),
    ]);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Versioned by the snapshot's version: a later change wins over an earlier one, and a full re-index page (written only
    /// where absent) never overwrites a live change that reached the new index first.
    /// </summary>
    public static async Task<SearchDocument> ToDocumentAsync(DossierSnapshot d, IAdministrativeUnitDirectory units, CancellationToken ct)
    {
        var receiving = (await units.FindAsync(d.ReceivingUnitId, ct))?.Name ?? "";
        var resolving = d.ResolvingUnitId == d.ReceivingUnitId ? receiving : (await units.FindAsync(d.ResolvingUnitId, ct))?.Name ?? "";
        var item = new DossierSearchItem(d.Id, d.Code, d.ProcedureCode, d.ProcedureName, d.ApplicantName, d.ApplicantIdentity, d.Status, d.Channel,
            receiving, resolving, d.SubmittedAt, d.ReceivedAt, d.DueAt, d.ResolvedAt, d.IsOverdue);
        return new SearchDocument(
            d.Id.ToString(),
            d.Version,
            // Both the receiving and the resolving unit (and their parents) see the dossier (một cửa liên thông).
            [d.ReceivingUnitPath, d.ResolvingUnitPath],
            new Dictionary<string, string[]>
            {
                [Code] = [d.Code],
                [ApplicantIdentity] = [d.ApplicantIdentity],
                [ProcedureCode] = [d.ProcedureCode],
                [ProcedureName] = [d.ProcedureName],
                [ProcedureField] = [d.ProcedureField],
                [ApplicantName] = [d.ApplicantName],
                [Address] = d.ApplicantAddress is { } address ? [address] : [],
                [Units] = [receiving, resolving],
                [Components] = d.Components.Select(c => c.Name).ToArray(),
                [Procedure] = [d.ProcedureCode],
                [Status] = [d.Status],
                [Channel] = [d.Channel],
                [ApplicantKind] = [d.ApplicantKind],
                [Overdue] = [d.IsOverdue ? "true" : "false"],
                [ReceivingUnitPath] = [d.ReceivingUnitPath],
                [ResolvingUnitPath] = [d.ResolvingUnitPath],
            },
            new Dictionary<string, DateTimeOffset?>
            {
                [SubmittedAt] = d.SubmittedAt, [ReceivedAt] = d.ReceivedAt, [DueAt] = d.DueAt, [ResolvedAt] = d.ResolvedAt,
            },
            JsonSerializer.Serialize(item, Json));
    }

    public static DossierSearchItem ReadItem(SearchHit hit) => JsonSerializer.Deserialize<DossierSearchItem>(hit.Source, Json)!;
}

/// <summary>
/// Near-real-time indexing: every transition's snapshot is upserted (outbox → inbox: at least once, idempotent by id),
/// versioned by the snapshot's own version, so an older snapshot never overwrites a newer one. A relay round's events
/// go in one upsert, one index commit (ADR 0057): a crash after that commit and before the inbox rows' only re-sends
/// snapshots the index already holds, which the version check skips.
/// </summary>
internal sealed class DossierChangedIndexer(ISearchEngine engine, IAdministrativeUnitDirectory units) : IIntegrationEventBatchHandler<DossierChanged>
{
    public Task HandleAsync(DossierChanged @event, CancellationToken cancellationToken) => HandleBatchAsync([@event], cancellationToken);

    public async Task HandleBatchAsync(IReadOnlyList<DossierChanged> events, CancellationToken cancellationToken)
    {
        var documents = new List<SearchDocument>(events.Count);
        foreach (var @event in events)
        {
            documents.Add(await DossierSearchIndex.ToDocumentAsync(@event.Dossier, units, cancellationToken));
        }

        await engine.UpsertAsync(DossierSearchIndex.Definition, documents, cancellationToken); // the newest version of a dossier wins
    }
}

internal static class DossierSearchServices
{
    /// <summary>Everything dossier search needs; the one line the Counters module adds.</summary>
    public static IServiceCollection AddDossierSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions(DossierSearchPermissions.All);
        services.AddSingleton(new ShellSearchBox("/Counters/Search", DossierSearchPermissions.Search,
            "Tìm hồ sơ: mã, CCCD, tên, thủ tục…", "Find dossiers: code, ID number, name, procedure…"));
        services.AddIntegrationEventHandler<DossierChanged, DossierChangedIndexer, CountersDbContext>();
        services.AddScoped<DossierSearchHandler>();
        services.AddScoped<DossierReindexJob>();
        services.AddScoped<IDossierSource, CountersApiDossierSource>();
        return services;
    }
}
