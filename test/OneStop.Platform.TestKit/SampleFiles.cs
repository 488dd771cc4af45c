using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OneStop.Platform.TestKit;

/// <summary>
/// Ordinary files the upload guard must accept, built in the test (no binaries in the repository): a whole PNG written
/// by hand, a Word document by the Open XML SDK, a workbook by ClosedXML.
/// </summary>
public static class SampleFiles
{
    /// <summary>A whole 8-bit grey PNG: signature, IHDR, IDAT, IEND with their CRCs; <paramref name="pixel"/> gives each grey value (black when null).</summary>
    public static byte[] Png(int width = 4, int height = 3, Func<int, int, byte>? pixel = null)
    {
        var raw = new byte[height * (width + 1)]; // each row: filter byte 0 (none), then the pixels
        for (var y = 0; y < height && pixel is not null; y++)
        {
            for (var x = 0; x < width; x++)
            {
                raw[y * (width + 1) + 1 + x] = pixel(x, y);
            }
        }

        using var deflated = new MemoryStream();
        using (var z = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, (byte)(width >> 8), (byte)width, 0, 0, (byte)(height >> 8), (byte)height, 8, 0, 0, 0, 0]);
        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A Word document with one paragraph, written by the Open XML SDK.</summary>
    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    /// <summary>A workbook with one sheet and one cell, written by ClosedXML.</summary>
    public static byte[] Xlsx(string sheet, string text)
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet(sheet).Cell(1, 1).Value = text;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var length = BitConverter.GetBytes(data.Length);
        Array.Reverse(length);
        s.Write(length);
        var body = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(body);
        var crc = BitConverter.GetBytes(Crc32(body));
        Array.Reverse(crc);
        s.Write(crc);
    }

    /// <summary>The PNG chunk checksum (CRC-32, IEEE 802.3).</summary>
    public static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
