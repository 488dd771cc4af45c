using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Auditing;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>Every write is audited (actor, unit, time, before/after) in an append-only hash chain that exposes tampering.</summary>
public abstract class AuditChainTests<TFactory>(TFactory factory) where TFactory : OneStopFactory
{
    [Fact]
    public async Task A_write_records_actor_unit_and_before_after()
    {
        var deskId = await RenameDeskAsync("10543", "Bộ phận Một cửa (đổi tên để kiểm tra nhật ký)");

        await factory.SealAuditAsync<PlatformDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var record = await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditRecords
            .Where(a => a.EntityId == deskId.ToString() && a.Action == "Modified").OrderByDescending(a => a.Id).FirstAsync());
        record.ActorName.ShouldBe("test");
        record.UnitPath.ShouldEndWith("/10543/");
        record.Before!.ShouldContain("\"Name\":\"Bộ phận Một cửa ");
        record.After!.ShouldContain("đổi tên để kiểm tra nhật ký");
        record.Hash.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Secrets_never_reach_the_audit_trail()
    {
        await factory.SealAuditAsync<PlatformDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        var records = await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditRecords
            .Where(a => a.EntityType == "PlatformUser").ToListAsync());
        records.ShouldNotBeEmpty();
        records.ShouldAllBe(r => r.After == null || (!r.After.Contains("PasswordHash") && !r.After.Contains("SecurityStamp")));
    }

    [Fact]
    public async Task Chain_is_intact_after_concurrent_writes_and_detects_a_tampered_record()
    {
        // Writers in parallel must still produce one unbroken chain.
        string[] wards = ["10513", "10514", "10516", "10519", "10522", "10525", "10528", "10531"];
        await Task.WhenAll(wards.Select((code, i) => RenameDeskAsync(code, $"Bộ phận Một cửa song song {i}")));
        (await VerifyAsync()).IsIntact.ShouldBeTrue();

        var first = await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditRecords
            .Where(a => a.Action == "Modified").OrderBy(a => a.Id).Select(a => new { a.Id, a.ActorName }).FirstAsync());
        var (target, actor) = (first.Id, first.ActorName);
        await factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            return await db.AuditRecords.Where(a => a.Id == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "kẻ giả mạo"));
        });

        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBrokenRecordId.ShouldBe(target);

        // Restore, then delete a record instead: the gap is found too.
        await factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            await db.AuditRecords.Where(a => a.Id == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, actor));
            return await db.AuditRecords.Where(a => a.Id == target + 1).ExecuteDeleteAsync();
        });
        verification = await VerifyAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBrokenRecordId.ShouldBe(target + 2);
    }

    private Task<AuditChainVerification> VerifyAsync() =>
        factory.AsSystemAsync(sp => AuditChainVerifier.VerifyAsync(sp.GetRequiredService<PlatformDbContext>()));

    private async Task<Guid> RenameDeskAsync(string communeCode, string name)
    {
        var unit = await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.SingleAsync(u => u.Code == communeCode));
        return await factory.InScopeAsync(new UnitScope(unit.Id, unit.Path, unit.Name), async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var desk = await db.Agencies.SingleAsync(a => a.Kind == AgencyKinds.OneStopDesk);
            desk.Rename(name);
            await db.SaveChangesAsync();
            return desk.Id;
        });
    }
}

// Each class has its own host and database: the tamper test breaks the chain on purpose.
public sealed class PostgreSqlAuditChainTests(OneStopFactory factory) : AuditChainTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteAuditChainTests(SqliteOneStopFactory factory) : AuditChainTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
