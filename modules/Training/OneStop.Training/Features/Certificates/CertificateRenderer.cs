using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Documents;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Features.Certificates;

/// <summary>Giấy chứng nhận hoàn thành lớp bồi dưỡng, as a one-page landscape A4 PDF (kernel PDF helper, Noto fonts).</summary>
internal sealed class CertificateRenderer(TrainingDbContext db)
{
    public async Task<(byte[] Pdf, string FileName)> RenderAsync(Guid participantId, CancellationToken ct)
    {
        var p = await db.Participants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == participantId, ct)
            ?? throw new PlatformException(TrainingErrorCodes.ParticipantNotFound, 404);
        if (p.Result != "passed" || p.CertificateNo is null)
        {
            throw new PlatformException(TrainingErrorCodes.NotCertified, 409);
        }

        // Seeing the participant is what grants the certificate; the class itself belongs to the organising unit.
        var c = await db.Classes.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]).AsNoTracking().Include(x => x.Course)
            .FirstAsync(x => x.Id == p.ClassId, ct);
        var organiser = c.Organiser == "postal-company" ? "BƯU ĐIỆN TỈNH HẢI DƯƠNG" : "VĂN PHÒNG UBND TỈNH HẢI DƯƠNG";

        using var pdf = new PdfWriter($"Giấy chứng nhận {p.CertificateNo}", organiser);
        pdf.NewPage(landscape: true).Border()
            .Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold: true, spaceAfter: 0)
            .Text("Độc lập - Tự do - Hạnh phúc", 12, bold: true, spaceAfter: 18)
            .Text(organiser, 13, bold: true, spaceAfter: 18)
            .Text("GIẤY CHỨNG NHẬN", 28, bold: true, serif: true, spaceAfter: 4)
            .Text("hoàn thành lớp bồi dưỡng nghiệp vụ", 14, italic: true, serif: true, spaceAfter: 18)
            .Text("Chứng nhận Ông/Bà:", 13, spaceAfter: 2)
            .Text(p.FullName, 22, bold: true, serif: true, spaceAfter: 4)
            .Text($"Đơn vị công tác: {p.UnitName}", 13, spaceAfter: 10)
            .Text($"Đã hoàn thành lớp \"{c.Title}\"", 13, spaceAfter: 2)
            .Text($"thuộc khóa học: {c.Course.Title}", 13, spaceAfter: 2)
            .Text($"tổ chức từ ngày {c.StartsOn:dd/MM/yyyy} đến ngày {c.EndsOn:dd/MM/yyyy} tại {c.Venue}.", 13, spaceAfter: 10)
            .Text($"Kết quả: Đạt. Chứng nhận có giá trị đến ngày {p.ValidUntil:dd/MM/yyyy}.", 13, spaceAfter: 16)
            .Text($"Số: {p.CertificateNo}      Hải Dương, ngày {p.CertifiedOn:dd} tháng {p.CertifiedOn:MM} năm {p.CertifiedOn:yyyy}", 12, italic: true);
        return (pdf.ToArray(), $"chung-nhan-{p.CertificateNo!.Replace('/', '-')}.pdf");
    }
}
