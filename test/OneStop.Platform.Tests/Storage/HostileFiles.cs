using System.IO.Compression;
using System.Text;
using OneStop.Platform.Documents;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.Storage;

/// <summary>Hostile and ordinary files, built byte by byte in the tests (no binary is committed).</summary>
internal static class HostileFiles
{
    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>A PDF made by the platform's own writer.</summary>
    public static byte[] GoodPdf() => new PdfWriter("Biên bản", "UBND phường Cẩm Thượng").NewPage().Text("Biên bản kiểm tra Bộ phận Một cửa").ToArray();

    /// <summary>A small hand-written PDF: header, the objects given, a trailer and <c>%%EOF</c>.</summary>
    public static byte[] Pdf(params object[] parts)
    {
        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"));
        foreach (var part in parts)
        {
            pdf.Write(part as byte[] ?? Ascii((string)part));
        }

        pdf.Write(Ascii("trailer<</Root 1 0 R>>\n%%EOF\n"));
        return pdf.ToArray();
    }

    /// <summary>An object stream (PDF 1.5) whose objects are Flate-compressed, so their names are not in the file as text.</summary>
    public static byte[] ObjectStream(int number, string objects)
    {
        var header = $"{number + 1} 0 ";
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(Ascii(header + objects));
        }

        var data = compressed.ToArray();
        return [.. Ascii($"{number} 0 obj<</Type/ObjStm/N 1/First {header.Length}/Filter/FlateDecode/Length {data.Length}>>stream\n"), .. data, .. Ascii("\nendstream\nendobj\n")];
    }

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>{0}</Types>";

    private const string Relationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{0}</Relationships>";

    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /// <summary>A minimal Word document, with extra content types, document relationships and parts.</summary>
    public static byte[] Docx(string overrides = "", string documentRelationships = "", params (string Name, byte[] Content)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", Ascii(string.Format(ContentTypes, overrides)));
            Add(zip, "_rels/.rels", Ascii(string.Format(Relationships, $"<Relationship Id=\"rId1\" Type=\"{Rel}officeDocument\" Target=\"word/document.xml\"/>")));
            Add(zip, "word/document.xml", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>"));
            Add(zip, "word/_rels/document.xml.rels", Ascii(string.Format(Relationships, documentRelationships)));
            foreach (var (name, content) in parts)
            {
                Add(zip, name, content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] DocxWithOleObject() => Docx("<Default Extension=\"bin\" ContentType=\"application/vnd.openxmlformats-officedocument.oleObject\"/>",
        $"<Relationship Id=\"rId9\" Type=\"{Rel}oleObject\" Target=\"embeddings/oleObject1.bin\"/>", ("word/embeddings/oleObject1.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]));

    /// <summary>The VBA project under an innocent name: only its content type and relationship say what it is.</summary>
    public static byte[] DocxWithRenamedMacroPart() => Docx("<Override PartName=\"/word/customData.dat\" ContentType=\"application/vnd.ms-office.vbaProject\"/>",
        "<Relationship Id=\"rId9\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"customData.dat\"/>",
        ("word/customData.dat", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]));

    /// <summary>A remote template (fetched by Word when the file opens), declared in the settings part's relationships.</summary>
    public static byte[] DocxWithRemoteTemplate() => Docx("", $"<Relationship Id=\"rId2\" Type=\"{Rel}settings\" Target=\"settings.xml\"/>",
        ("word/settings.xml", Ascii("<?xml version=\"1.0\"?><w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:attachedTemplate r:id=\"rId1\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/></w:settings>")),
        ("word/_rels/settings.xml.rels", Ascii(string.Format(Relationships, $"<Relationship Id=\"rId1\" Type=\"{Rel}attachedTemplate\" Target=\"http://mau.example.net/bao-cao.dotm\" TargetMode=\"External\"/>"))));

    public static byte[] DocxWithHyperlink() => Docx("", $"<Relationship Id=\"rId3\" Type=\"{Rel}hyperlink\" Target=\"https://dichvucong.gov.vn/\" TargetMode=\"External\"/>");

    /// <summary>A Word document whose one part unpacks to 1 GiB of zeros (about 1 MB packed).</summary>
    public static byte[] ZipBombDocx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", Ascii(string.Format(ContentTypes, "")));
            Add(zip, "word/document.xml", Ascii("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));
            using var bomb = zip.CreateEntry("word/media/image1.png", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 1024; i++)
            {
                bomb.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(content);
    }

    /// <summary>A whole PNG (<see cref="SampleFiles.Png"/>).</summary>
    public static byte[] Png(int width = 4, int height = 3) => SampleFiles.Png(width, height);

    /// <summary>A baseline JPEG's structure: SOI, JFIF, a frame of 16×16, a scan and EOI.</summary>
    public static byte[] Jpeg(ushort width = 16, ushort height = 16) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0xFF, 0xD9,
    ];
}
