using OneStop.Counters.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Domain.Dossiers;

namespace OneStop.Counters.Infrastructure;

/// <summary>Tables of the dossier lifecycle (hồ sơ).</summary>
internal static class DossierModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Dossier>(b =>
        {
            b.ToTable("Dossiers");
            b.HasIndex(d => d.Code).IsUnique();
            b.HasIndex(d => new { d.Status, d.DueAt });
            b.HasIndex(d => d.AssignedTo);
            // Work queues: what waits at a unit in a stage (to receive, to approve, to return).
            b.HasIndex(d => new { d.Stage, d.CurrentUnitId });
            b.HasIndex(d => d.CurrentAgencyCode);
            b.HasIndex(d => d.ApplicantIdentity);
            // KPIs count dossiers by reception day (receiving unit) and resolution day (competent unit): range scans,
            // so a day, month or quarter reads only its own rows.
            b.HasIndex(d => new { d.ReceivedAt, d.UnitPath });
            b.HasIndex(d => new { d.ResolvedAt, d.SharedUnitPath });
            // An incremental KPI run recounts the unit-days a change touched (ADR 0055): one unit's day is a range of these.
            b.HasIndex(d => new { d.ReceivingUnitId, d.ReceivedAt });
            b.HasIndex(d => new { d.ResolvingUnitId, d.ReceivedAt });
            b.HasIndex(d => new { d.ResolvingUnitId, d.ResolvedAt });
            b.Property(d => d.Code).HasMaxLength(40);
            b.Property(d => d.ProcedureCode).HasMaxLength(32);
            b.Property(d => d.ProcedureName).HasMaxLength(2000);
            b.Property(d => d.ProcedureField).HasMaxLength(256);
            b.Property(d => d.LegalTimeValue).HasPrecision(9, 2);
            b.Property(d => d.LegalTimeUnit).HasMaxLength(16);
            b.Property(d => d.Channel).HasMaxLength(16);
            b.Property(d => d.Status).HasMaxLength(40);
            b.Property(d => d.Stage).HasMaxLength(40);
            b.Property(d => d.ProcessPlan).HasMaxLength(16000);
            b.Property(d => d.DraftResult).HasMaxLength(2000);
            b.Property(d => d.CurrentAgencyCode).HasMaxLength(32);
            b.Property(d => d.AgencyTrail).HasMaxLength(1000);
            b.Property(d => d.ApplicantKind).HasMaxLength(16);
            b.Property(d => d.ApplicantIdentity).HasMaxLength(20);
            b.Property(d => d.ApplicantName).HasMaxLength(256);
            b.Property(d => d.ApplicantAddress).HasMaxLength(512);
            b.Property(d => d.ApplicantPhone).HasMaxLength(20);
            b.Property(d => d.ApplicantEmail).HasMaxLength(256);
            b.Property(d => d.ReceivingAgencyCode).HasMaxLength(32);
            b.Property(d => d.ReceivingUnitName).HasMaxLength(256);
            b.Property(d => d.ResolvingUnitName).HasMaxLength(256);
            b.Property(d => d.CurrentUnitName).HasMaxLength(256);
            b.Property(d => d.AssignedTo).HasMaxLength(256);
            b.Property(d => d.DueExplanation).HasMaxLength(8000);
            b.Property(d => d.RequestedReturnMethod).HasMaxLength(16);
            b.Property(d => d.ReturnMethod).HasMaxLength(16);
            b.Property(d => d.ResultSummary).HasMaxLength(2000);
            b.Property(d => d.ClosingReason).HasMaxLength(2000);
            b.Property(d => d.FinancialObligationVnd).HasPrecision(18, 2);
            b.Property(d => d.FeeVnd).HasPrecision(18, 2);
            b.Property(d => d.PaymentMethod).HasMaxLength(16);
            b.Property(d => d.Note).HasMaxLength(2000);
            b.Property(d => d.FormData).HasMaxLength(ProcedureVersionLimits.FormDataLength);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
            b.HasMany(d => d.Components).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.ClockStops).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Extensions).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Handovers).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.History).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Steps).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.Ignore(d => d.Plan);
            b.Ignore(d => d.OpenStep);
        });
        modelBuilder.Entity<DossierStep>(b =>
        {
            b.ToTable("DossierSteps");
            // Keys are made in the application: a new row added to a loaded dossier's collection is an insert.
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasIndex(x => new { x.DossierId, x.Order }).IsUnique();
            b.Property(x => x.Name).HasMaxLength(512);
            b.Property(x => x.Kind).HasMaxLength(16);
            b.Property(x => x.AgencyCode).HasMaxLength(32);
            b.Property(x => x.Performer).HasMaxLength(512);
            b.Property(x => x.BudgetHours).HasPrecision(9, 2);
            b.Property(x => x.CompletedBy).HasMaxLength(256);
            b.Property(x => x.Outcome).HasMaxLength(64);
            b.Property(x => x.Note).HasMaxLength(2000);
            b.Ignore(x => x.IsOpen);
        });
        modelBuilder.Entity<DossierComponent>(b =>
        {
            b.ToTable("DossierComponents");
            // Keys are made in the application: a new row added to a loaded dossier's collection is an insert.
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(c => c.Name).HasMaxLength(1000);
            b.Property(c => c.DocumentTypeCode).HasMaxLength(64);
            b.Property(c => c.Source).HasMaxLength(32);
            // "Reused data" (766 indicator): a dossier's components not from the applicant, asked per dossier by an
            // incremental KPI run (DossierKpiCalculator); a sixth of the rows, found without reading the others.
            b.HasIndex(c => c.DossierId); // a dossier's components, kept beside the filtered one below
            b.HasIndex(c => c.DossierId, "IX_DossierComponents_NotSubmitted").HasFilter("\"Source\" <> 'SUBMITTED'");
        });
        modelBuilder.Entity<DossierClockStop>(b =>
        {
            b.ToTable("DossierClockStops");
            // Keys are made in the application: a new row added to a loaded dossier's collection is an insert.
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(c => c.Cause).HasMaxLength(64);
            b.Property(c => c.Reason).HasMaxLength(2000);
        });
        modelBuilder.Entity<DossierExtension>(b =>
        {
            b.ToTable("DossierExtensions");
            // Keys are made in the application: a new row added to a loaded dossier's collection is an insert.
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(e => e.Value).HasPrecision(9, 2);
            b.Property(e => e.Unit).HasMaxLength(16);
            b.Property(e => e.Reason).HasMaxLength(2000);
            b.Property(e => e.By).HasMaxLength(256);
        });
        modelBuilder.Entity<DossierHandover>(b =>
        {
            b.ToTable("DossierHandovers");
            // Keys are made in the application: a new row added to a loaded dossier's collection is an insert.
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(h => h.Kind).HasMaxLength(32);
            b.Property(h => h.FromName).HasMaxLength(256);
            b.Property(h => h.ToName).HasMaxLength(256);
            b.Property(h => h.SentBy).HasMaxLength(256);
            b.Property(h => h.Note).HasMaxLength(2000);
        });
        modelBuilder.Entity<DossierHistoryEntry>(b =>
        {
            b.ToTable("DossierHistory");
            // Keys are made in the application: a new row added to a loaded dossier's collection is an insert.
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(h => h.Transition).HasMaxLength(64);
            b.Property(h => h.FromStatus).HasMaxLength(40);
            b.Property(h => h.ToStatus).HasMaxLength(40);
            b.Property(h => h.Actor).HasMaxLength(256);
            b.Property(h => h.Reason).HasMaxLength(2000);
        });
        modelBuilder.Entity<DossierRegisterCounter>(b =>
        {
            b.ToTable("DossierRegisterCounters");
            b.HasKey(c => new { c.UnitId, c.Year });
        });
        modelBuilder.Entity<DossierCodeCounter>(b =>
        {
            b.ToTable("DossierCodeCounters");
            b.HasKey(c => new { c.AgencyCode, c.Day });
            b.Property(c => c.AgencyCode).HasMaxLength(32);
        });
        modelBuilder.Entity<ApologyLetter>(b =>
        {
            b.ToTable("ApologyLetters");
            b.HasIndex(a => a.DossierId);
            b.Property(a => a.DossierCode).HasMaxLength(40);
            b.Property(a => a.Reason).HasMaxLength(2000);
            b.Property(a => a.IssuedBy).HasMaxLength(256);
            b.Property(a => a.CreatedBy).HasMaxLength(256);
            b.Property(a => a.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<OnlineSubmission>(b =>
        {
            b.ToTable("OnlineSubmissions");
            b.HasIndex(o => o.PortalReference).IsUnique();
            b.HasIndex(o => new { o.Status, o.Id });
            b.Property(o => o.PortalReference).HasMaxLength(64);
            b.Property(o => o.UnitCode).HasMaxLength(16);
            b.Property(o => o.ProcedureCode).HasMaxLength(32);
            b.Property(o => o.ApplicantName).HasMaxLength(256);
            b.Property(o => o.Status).HasMaxLength(16);
            b.Property(o => o.Reason).HasMaxLength(2000);
            b.Property(o => o.DossierCode).HasMaxLength(40);
            b.Property(o => o.DossierUnitName).HasMaxLength(256);
            b.Property(o => o.RoutedBy).HasMaxLength(256);
            b.Property(o => o.Version).IsConcurrencyToken();
            b.Property(o => o.CreatedBy).HasMaxLength(256);
            b.Property(o => o.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<DossierComponentFile>(b =>
        {
            b.ToTable("DossierComponentFiles");
            b.HasIndex(f => f.DossierId);
            b.Property(f => f.DocumentTypeCode).HasMaxLength(32);
            b.Property(f => f.FileName).HasMaxLength(OneStop.Platform.Storage.UploadGuard.MaxNameLength);
            b.Property(f => f.ContentType).HasMaxLength(128);
            b.Property(f => f.BlobKey).HasMaxLength(64);
            b.Property(f => f.Source).HasMaxLength(32);
        });
    }
}
