using System.IO.Compression;
using System.Xml;
using OneStop.Platform.Web;

namespace OneStop.Platform.Storage.Inspection;

/// <summary>
/// The deep check of a Word or Excel file (Office Open XML, a ZIP of parts; ADR 0033). Sizes come from the ZIP's
/// directory, so a ZIP bomb is refused before anything is unpacked; only <c>[Content_Types].xml</c> and the
/// relationship parts (<c>*.rels</c>) are read, each at most <see cref="MaxXmlPartBytes"/>, with DTDs prohibited. Refused:
/// macros (a macro-enabled or VBA content type, a VBA relationship — however the part is named), embedded objects
/// (OLE, ActiveX, anything under <c>embeddings/</c>), every external relationship but a hyperlink (a remote
/// <c>attachedTemplate</c> is fetched when the file opens; a hyperlink only when someone clicks it), and ZIPs too
/// large once unpacked or compressed beyond any real document.
/// </summary>
internal static class OfficeInspection
{
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;
    /// <summary>Unpacked ÷ packed above which a part over 1 MiB is taken for a bomb (real XML parts stay well under 100).</summary>
    public const int MaxCompressionRatio = 200;
    public const int MaxEntries = 10_000;
    public const int MaxXmlPartBytes = 4 * 1024 * 1024;

    private static readonly string[] MacroContentTypes = ["macroEnabled", "vbaProject", "vbaData", "ms-office.vbaProjectSignature", "keyMapCustomizations"];
    private static readonly string[] EmbeddedContentTypes = ["oleObject", "activeX", "ms-office.package", "vnd.ms-office.control"];
    private static readonly string[] MacroRelationships = ["/vbaProject", "/wordVbaData", "/vbaProjectSignature", "/keyMapCustomizations"];
    private static readonly string[] EmbeddedRelationships = ["/oleObject", "/package", "/control", "/activeXControlBinary"];

    public static string? Check(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > MaxEntries)
            {
                return PlatformMessages.UploadOfficeTooLarge;
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes || entry.Length > 1024 * 1024 && entry.Length > Math.Max(1, entry.CompressedLength) * MaxCompressionRatio)
                {
                    return PlatformMessages.UploadOfficeTooLarge;
                }
            }

            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || name.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase))
                {
                    return PlatformMessages.UploadOfficeMacro;
                }

                if (name.Contains("embeddings/", StringComparison.OrdinalIgnoreCase) || name.Contains("activeX/", StringComparison.OrdinalIgnoreCase)
                    || name.Contains("oleObject", StringComparison.OrdinalIgnoreCase))
                {
                    return PlatformMessages.UploadOfficeEmbeddedObject;
                }
            }

            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null)
            {
                return PlatformMessages.UploadOfficeMalformed;
            }

            foreach (var contentType in Attributes(types, "ContentType"))
            {
                if (MacroContentTypes.Any(t => contentType.Contains(t, StringComparison.OrdinalIgnoreCase)))
                {
                    return PlatformMessages.UploadOfficeMacro;
                }

                if (EmbeddedContentTypes.Any(t => contentType.Contains(t, StringComparison.OrdinalIgnoreCase)))
                {
                    return PlatformMessages.UploadOfficeEmbeddedObject;
                }
            }

            foreach (var rels in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var (type, mode) in Relationships(rels))
                {
                    if (MacroRelationships.Any(t => type.EndsWith(t, StringComparison.OrdinalIgnoreCase)))
                    {
                        return PlatformMessages.UploadOfficeMacro;
                    }

                    if (EmbeddedRelationships.Any(t => type.EndsWith(t, StringComparison.OrdinalIgnoreCase)))
                    {
                        return PlatformMessages.UploadOfficeEmbeddedObject;
                    }

                    if (string.Equals(mode, "External", StringComparison.OrdinalIgnoreCase) && !type.EndsWith("/hyperlink", StringComparison.OrdinalIgnoreCase))
                    {
                        return PlatformMessages.UploadOfficeExternalLink;
                    }
                }
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return e is PartTooLargeException ? PlatformMessages.UploadOfficeTooLarge : PlatformMessages.UploadOfficeMalformed;
        }
    }

    private static IEnumerable<string> Attributes(ZipArchiveEntry entry, string attribute)
    {
        using var reader = Read(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.GetAttribute(attribute) is { } value)
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<(string Type, string? Mode)> Relationships(ZipArchiveEntry entry)
    {
        using var reader = Read(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
            {
                yield return (reader.GetAttribute("Type") ?? "", reader.GetAttribute("TargetMode"));
            }
        }
    }

    /// <summary>The part, read into memory up to the limit whatever its directory entry claims (a lying header inflates no further).</summary>
    private static XmlReader Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxXmlPartBytes)
            {
                throw new PartTooLargeException();
            }
        }

        copy.Position = 0;
        return XmlReader.Create(copy,
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxXmlPartBytes * 2L });
    }

    private sealed class PartTooLargeException : IOException;
}
