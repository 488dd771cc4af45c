using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Domain.Dossiers;

namespace OneStop.Counters.Infrastructure;

/// <summary>The table of the files applicants send online to supplement a dossier (ADR 0050).</summary>
internal static class ApplicantSupplementFileModel
{
    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ApplicantSupplementFile>(b =>
    {
        b.ToTable("ApplicantSupplementFiles");
        b.HasIndex(f => f.DossierId);
        b.HasOne<Dossier>().WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.BlobKey).HasMaxLength(256);
        b.Property(f => f.FileName).HasMaxLength(256);
        b.Property(f => f.ContentType).HasMaxLength(128);
        b.Property(f => f.CreatedBy).HasMaxLength(256);
        b.Property(f => f.ModifiedBy).HasMaxLength(256);
    });
}
