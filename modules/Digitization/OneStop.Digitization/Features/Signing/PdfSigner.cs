using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using OneStop.Platform.Documents;
using OneStop.Platform.Localization;
using OneStop.Platform.Storage;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;
using QRCoder;
using OneStop.Platform.Domain;

namespace OneStop.Digitization.Features.Signing;

/// <summary>What is printed and signed into the PDF.</summary>
/// <param name="SignerName">Full name of the officer who signs with the unit's certificate (printed in the stamp).</param>
/// <param name="Certification">
/// Lời chứng of a certified copy (chứng thực bản sao từ bản chính), drawn in a framed block on the last page above the
/// QR stamp, so the signature covers it; <c>null</c> for a plain digitised document.
/// </param>
internal sealed record SignatureRequest(string VerificationUrl, string DigitizedCode, string Reason, string Location, DateTimeOffset SigningTime, string SignerName,
    IReadOnlyList<string>? Certification = null);

/// <summary>
/// Signs a PDF (or a scanned image, first wrapped into a PDF page) with the unit's certificate: PAdES basic profile —
/// a CMS detached signature (SubFilter adbe.pkcs7.detached, SHA-256) over the byte range, with the CAdES
/// signing-certificate-v2 attribute binding the certificate. Before signing, a QR code with the public verification
/// address and the digitised-document code is drawn on the first page, so it is covered by the signature.
/// </summary>
internal static class PdfSigner
{
    public static byte[] Sign(byte[] content, string contentType, X509Certificate2 certificate, SignatureRequest request)
    {
        NotoFontResolver.EnsureInstalled();
        using var document = contentType == FileTypes.Pdf ? Open(content) : WrapImage(content);
        if (request.Certification is { Count: > 0 } certification)
        {
            var last = document.Pages[document.PageCount - 1];
            using var gfx = XGraphics.FromPdfPage(last, XGraphicsPdfPageOptions.Append);
            DrawCertification(gfx, last, certification);
        }

        var page = document.Pages[0];
        using (var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
        {
            DrawStamp(gfx, page, request);
        }

        var options = new DigitalSignatureOptions
        {
            Reason = request.Reason,
            Location = request.Location,
            ContactInfo = request.VerificationUrl,
            AppName = "OneStop.Platform",
            PageIndex = 0,
        };
        DigitalSignatureHandler.ForDocument(document, new CadesDetachedSigner(certificate, request.SigningTime), options);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static PdfDocument Open(byte[] content)
    {
        try
        {
            return PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Modify);
        }
        catch (Exception e) when (e is PdfReaderException or InvalidOperationException or NotSupportedException)
        {
            throw new NotSignableException(DigitizationMessages.PdfUnreadable, e);
        }
    }

    /// <summary>A scanned image becomes an A4 page (bản sao điện tử), scaled to fit inside the margins.</summary>
    private static PdfDocument WrapImage(byte[] content)
    {
        var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        try
        {
            using var gfx = XGraphics.FromPdfPage(page);
            using var image = XImage.FromStream(new MemoryStream(content));
            const double margin = 36, stampSpace = 110;
            var width = page.Width.Point - 2 * margin;
            var height = page.Height.Point - 2 * margin - stampSpace;
            var scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
            gfx.DrawImage(image, margin, margin, image.PointWidth * scale, image.PointHeight * scale);
        }
        catch (Exception e) when (e is not NotSignableException)
        {
            document.Dispose();
            throw new NotSignableException(DigitizationMessages.ImageNotConvertible, e);
        }

        return document;
    }

    /// <summary>Bottom-right: the QR code (drawn as vector squares, no image decoding) and the lines a reader checks.</summary>
    private static void DrawStamp(XGraphics gfx, PdfPage page, SignatureRequest request)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(request.VerificationUrl, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        const double size = 72, margin = 24;
        var module = size / matrix.Count;
        var left = page.Width.Point - margin - size;
        var top = page.Height.Point - margin - size;
        gfx.DrawRectangle(XBrushes.White, left, top, size, size);
        for (var y = 0; y < matrix.Count; y++)
        {
            for (var x = 0; x < matrix[y].Count; x++)
            {
                if (matrix[y][x])
                {
                    gfx.DrawRectangle(XBrushes.Black, left + x * module, top + y * module, module + 0.05, module + 0.05);
                }
            }
        }

        var font = new XFont(NotoFontResolver.Sans, 7);
        var textRight = left - 6;
        var format = new XStringFormat { Alignment = XStringAlignment.Far, LineAlignment = XLineAlignment.Near };
        string[] lines =
        [
            $"Mã số hóa: {request.DigitizedCode}",
            $"Ký số: {request.Location}, {VietnamTime.Of(request.SigningTime):dd/MM/yyyy HH:mm}",
            $"Người ký: {request.SignerName}",
            "Tra cứu, xác thực:",
            request.VerificationUrl,
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            gfx.DrawString(lines[i], font, XBrushes.Black, new XRect(margin, top + 8 + i * 10, textRight - margin, 10), format);
        }
    }

    /// <summary>Bottom-left of the page, above the QR stamp's band: the certification text in a red frame, first line bold.</summary>
    private static void DrawCertification(XGraphics gfx, PdfPage page, IReadOnlyList<string> lines)
    {
        const double margin = 24, stampBand = 72 + 24 + 8, lineHeight = 11;
        // As wide as the longest line (a long unit name or title), within the page.
        var widest = lines.Select((line, i) => gfx.MeasureString(line, new XFont(NotoFontResolver.Sans, 8, i == 0 ? XFontStyleEx.Bold : XFontStyleEx.Regular)).Width).Max();
        var width = Math.Min(page.Width.Point - 2 * margin, Math.Max(240, widest + 12));
        var height = lines.Count * lineHeight + 10;
        var top = page.Height.Point - stampBand - height;
        var frame = new XPen(XColor.FromArgb(180, 20, 20), 1);
        gfx.DrawRectangle(frame, XBrushes.White, margin, top, width, height);
        var format = new XStringFormat { Alignment = XStringAlignment.Near, LineAlignment = XLineAlignment.Near };
        for (var i = 0; i < lines.Count; i++)
        {
            var font = new XFont(NotoFontResolver.Sans, 8, i == 0 ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            gfx.DrawString(lines[i], font, XBrushes.Black, new XRect(margin + 6, top + 5 + i * lineHeight, width - 12, lineHeight), format);
        }
    }
}

/// <summary>A file that cannot be signed; <see cref="MessageCode"/> says why (a <see cref="DigitizationMessages"/> code).</summary>
internal sealed class NotSignableException(string messageCode, Exception inner) : Exception(messageCode, inner)
{
    public string MessageCode { get; } = messageCode;
}

/// <summary>CMS SignedData over the PDF's byte range, SHA-256, with signing time and ESS signing-certificate-v2 (CAdES-BES attributes).</summary>
internal sealed class CadesDetachedSigner(X509Certificate2 certificate, DateTimeOffset signingTime) : IDigitalSigner
{
    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false);

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(8192);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // PDFsharp 6.2's RangedStream (the file minus the /Contents placeholder) only reads correctly in one call that asks
        // for its whole Length at offset 0: that path seeks to each range itself. Smaller reads continue from wherever the
        // PDF writer left the underlying stream (its end, so nothing is read), and CopyTo fails because CanSeek throws.
        var content = new byte[stream.Length];
        var read = stream.Read(content, 0, content.Length);
        if (read != content.Length)
        {
            throw new InvalidOperationException($"Read {read} of {content.Length} bytes of the PDF's signed byte range.");
        }

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signer.SignedAttributes.Add(SigningCertificateV2(certificate));
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }

    /// <summary>id-aa-signingCertificateV2: SEQUENCE { SEQUENCE OF ESSCertIDv2 { certHash (SHA-256, the default) } }.</summary>
    private static AsnEncodedData SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        }

        return new AsnEncodedData(new Oid("1.2.840.113549.1.9.16.2.47"), writer.Encode());
    }
}

/// <summary>What our own verification finds in a PDF.</summary>
internal sealed record SignatureReport(
    bool Signed,
    bool Intact,
    bool CoversWholeFile,
    string? Subject,
    string? Issuer,
    string? Serial,
    string? Thumbprint,
    DateTimeOffset? SignedAt,
    DateTimeOffset? NotBefore,
    DateTimeOffset? NotAfter,
    string? Problem)
{
    /// <summary>Signature mathematically valid, nothing appended after signing, certificate valid when it signed.</summary>
    public bool Valid => Signed && Intact && CoversWholeFile && SignedAt is { } at && at >= NotBefore && at <= NotAfter;
}

/// <summary>
/// Checks the last signature of a PDF: its byte range must cover the whole file but the signature value, and the CMS
/// signature must match those bytes. A changed byte anywhere (a tampered copy) breaks it.
/// </summary>
internal static partial class PdfSignatureVerifier
{
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();

    public static SignatureReport Verify(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var match = ByteRangePattern().Matches(text).LastOrDefault();
        if (match is null)
        {
            return new SignatureReport(false, false, false, null, null, null, null, null, null, null, Messages.Text(DigitizationMessages.NotSigned));
        }

        var r = Enumerable.Range(1, 4).Select(i => long.Parse(match.Groups[i].Value)).ToArray();
        if (r[0] != 0 || r[1] < 0 || r[2] < r[1] || r[2] + r[3] > pdf.Length)
        {
            return Broken(Messages.Text(DigitizationMessages.ByteRangeInvalid));
        }

        var covers = r[2] + r[3] == pdf.Length;
        var hex = text.Substring((int)r[1], (int)(r[2] - r[1])).Trim('<', '>', ' ');
        byte[] der;
        try
        {
            var raw = Convert.FromHexString(hex);
            AsnDecoder.ReadEncodedValue(raw, AsnEncodingRules.BER, out _, out _, out var consumed);
            der = raw[..consumed];
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return Broken(Messages.Text(DigitizationMessages.SignatureUnreadable));
        }

        var signed = new byte[r[1] + r[3]];
        Array.Copy(pdf, 0, signed, 0, r[1]);
        Array.Copy(pdf, r[2], signed, r[1], r[3]);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(der);
        }
        catch (CryptographicException)
        {
            return Broken(Messages.Text(DigitizationMessages.SignatureUnreadable));
        }

        var info = cms.SignerInfos[0];
        var certificate = info.Certificate;
        var signingTime = info.SignedAttributes.OfType<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.OfType<AsnEncodedData>()).OfType<Pkcs9SigningTime>().Select(t => (DateTimeOffset?)new DateTimeOffset(t.SigningTime, TimeSpan.Zero)).FirstOrDefault();
        signingTime ??= info.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == "1.2.840.113549.1.9.5")
            .Select(a => (DateTimeOffset?)new DateTimeOffset(new Pkcs9SigningTime(a.Values[0].RawData).SigningTime, TimeSpan.Zero)).FirstOrDefault();
        var intact = true;
        string? problem = null;
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            intact = false;
            problem = Messages.Text(DigitizationMessages.ContentChanged);
        }

        if (intact && !covers)
        {
            problem = Messages.Text(DigitizationMessages.ContentAppended);
        }

        return new SignatureReport(true, intact, covers, certificate?.Subject, certificate?.Issuer, certificate?.SerialNumber, certificate?.Thumbprint,
            signingTime, certificate?.NotBefore.ToUniversalTime(), certificate?.NotAfter.ToUniversalTime(), problem);

        static SignatureReport Broken(string why) => new(true, false, false, null, null, null, null, null, null, null, why);
    }
}
