using System.IO.Compression;
using System.Text;
using OneStop.Platform.Web;

namespace OneStop.Platform.Storage.Inspection;

/// <summary>
/// The deep check of a PDF (ADR 0033): a token scan of the file's own structure, not a renderer. Names are read as PDF
/// names (delimited, <c>#xx</c> escapes decoded, so <c>/J#53</c> is <c>/JS</c>), in the text between streams and inside
/// every object stream (<c>/ObjStm</c>, Flate-decompressed: PDF 1.5 hides whole dictionaries there). Refused: JavaScript
/// (<c>/JS</c>, <c>/JavaScript</c>, an XFA form with a script), launch actions, embedded files (<c>/EmbeddedFile(s)</c>,
/// file-attachment annotations), rich media; a program, an HTML page or a script carried after the header; anything
/// but white space after the last <c>%%EOF</c> (incremental updates end with their own <c>%%EOF</c>, so they pass).
/// </summary>
internal static class PdfInspection
{
    /// <summary>Decompressed bytes read from all object streams together; a PDF asking for more is refused as damaged.</summary>
    public const long MaxInflatedBytes = 64L * 1024 * 1024;

    private static readonly Dictionary<string, string> RefusedNames = new(StringComparer.Ordinal)
    {
        ["JS"] = PlatformMessages.UploadPdfJavaScript,
        ["JavaScript"] = PlatformMessages.UploadPdfJavaScript,
        ["Launch"] = PlatformMessages.UploadPdfLaunch,
        ["EmbeddedFile"] = PlatformMessages.UploadPdfEmbeddedFile,
        ["EmbeddedFiles"] = PlatformMessages.UploadPdfEmbeddedFile,
        ["FileAttachment"] = PlatformMessages.UploadPdfEmbeddedFile,
        ["RichMedia"] = PlatformMessages.UploadPdfRichMedia,
        ["RichMediaContent"] = PlatformMessages.UploadPdfRichMedia,
    };

    /// <summary>What a browser, a shell or a loader would take for its own, carried as raw text between objects or in an unfiltered stream.</summary>
    private static readonly byte[][] ForeignMarkers =
        [.. new[] { "<script", "<html", "<!doctype", "<iframe", "<?php", "<svg", "<body", "javascript:", "this program cannot be run in dos mode" }.Select(Encoding.ASCII.GetBytes)];

    /// <summary>Short markers checked only outside streams (in binary stream data four bytes can occur by chance).</summary>
    private static readonly byte[][] ShortMarkers = [[0x7F, (byte)'E', (byte)'L', (byte)'F'], "#!/"u8.ToArray(), [(byte)'M', (byte)'Z', 0x90, 0x00]];

    /// <summary>The code of the message refusing <paramref name="pdf"/>, or <c>null</c> when it passes.</summary>
    public static string? Check(byte[] pdf)
    {
        var eof = pdf.AsSpan().LastIndexOf("%%EOF"u8);
        if (eof < 0 || pdf.AsSpan().IndexOf("obj"u8) < 0)
        {
            return PlatformMessages.UploadPdfMalformed;
        }

        foreach (var b in pdf.AsSpan(eof + 5))
        {
            if (!IsWhiteSpace(b))
            {
                return PlatformMessages.UploadPdfTrailingData;
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var objectStreams = new List<(int Start, int End, bool Flate, bool Filtered)>();
        var flateStreams = new List<(int Start, int End)>();
        var position = 0;
        while (position < pdf.Length)
        {
            var keyword = NextStreamKeyword(pdf, position);
            var textEnd = keyword < 0 ? pdf.Length : keyword;
            var text = pdf.AsSpan(position, textEnd - position);
            if (HasAny(text, ForeignMarkers) || HasAny(text, ShortMarkers))
            {
                return PlatformMessages.UploadPdfForeignPayload;
            }

            var dictionaryNames = ReadNames(text, names);
            if (keyword < 0)
            {
                break;
            }

            var dataStart = keyword + 6;
            if (dataStart < pdf.Length && pdf[dataStart] == '\r')
            {
                dataStart++;
            }

            if (dataStart < pdf.Length && pdf[dataStart] == '\n')
            {
                dataStart++;
            }

            var end = pdf.AsSpan(dataStart).IndexOf("endstream"u8);
            if (end < 0)
            {
                return PlatformMessages.UploadPdfMalformed;
            }

            var dataEnd = dataStart + end;
            // The dictionary of this stream: the names read since the last "obj" keyword of the text before it.
            var filtered = dictionaryNames.Contains("Filter");
            var flateOnly = dictionaryNames.Contains("FlateDecode") && !dictionaryNames.Any(n => n.EndsWith("Decode", StringComparison.Ordinal) && n != "FlateDecode");
            if (dictionaryNames.Contains("ObjStm"))
            {
                objectStreams.Add((dataStart, dataEnd, flateOnly, filtered));
            }
            else if (flateOnly)
            {
                flateStreams.Add((dataStart, dataEnd));
            }

            if (!filtered && HasAny(pdf.AsSpan(dataStart, dataEnd - dataStart), ForeignMarkers))
            {
                return PlatformMessages.UploadPdfForeignPayload;
            }

            position = dataEnd + 9;
        }

        long budget = MaxInflatedBytes;
        foreach (var (start, end, flate, filtered) in objectStreams)
        {
            if (filtered && !flate)
            {
                return PlatformMessages.UploadPdfMalformed; // an object stream we cannot read is not waved through
            }

            var content = flate ? Inflate(pdf, start, end, ref budget) : pdf.AsSpan(start, end - start).ToArray();
            if (content is null)
            {
                return PlatformMessages.UploadPdfMalformed;
            }

            if (HasAny(content, ForeignMarkers))
            {
                return PlatformMessages.UploadPdfForeignPayload;
            }

            ReadNames(content, names);
        }

        foreach (var name in names)
        {
            if (RefusedNames.TryGetValue(name, out var code))
            {
                return code;
            }
        }

        if (names.Contains("XFA"))
        {
            // An XFA form runs its <script> elements; the form's XML sits in (usually compressed) streams.
            foreach (var (start, end) in flateStreams)
            {
                var content = Inflate(pdf, start, end, ref budget);
                if (content is null || content.AsSpan().IndexOf("<script"u8) >= 0 || content.AsSpan().IndexOf("<xfa:script"u8) >= 0)
                {
                    return content is null ? PlatformMessages.UploadPdfMalformed : PlatformMessages.UploadPdfJavaScript;
                }
            }

            if (pdf.AsSpan().IndexOf("<script"u8) >= 0)
            {
                return PlatformMessages.UploadPdfJavaScript;
            }
        }

        return null;
    }

    /// <summary>The next <c>stream</c> keyword at or after <paramref name="from"/> (not the tail of <c>endstream</c>), followed by an end of line.</summary>
    private static int NextStreamKeyword(byte[] pdf, int from)
    {
        var at = from;
        while (at < pdf.Length)
        {
            var found = pdf.AsSpan(at).IndexOf("stream"u8);
            if (found < 0)
            {
                return -1;
            }

            var index = at + found;
            var next = index + 6 < pdf.Length ? pdf[index + 6] : (byte)0;
            var isEnd = index >= 3 && pdf.AsSpan(index - 3, 3).SequenceEqual("end"u8);
            if (!isEnd && next is (byte)'\r' or (byte)'\n')
            {
                return index;
            }

            at = index + 6;
        }

        return -1;
    }

    /// <summary>Adds every name of <paramref name="text"/> to <paramref name="all"/>; returns the names after the last <c>obj</c> keyword (the dictionary of a stream that follows).</summary>
    private static HashSet<string> ReadNames(ReadOnlySpan<byte> text, HashSet<string> all)
    {
        var lastObject = text.LastIndexOf("obj"u8);
        var recent = new HashSet<string>(StringComparer.Ordinal);
        var name = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '/')
            {
                continue;
            }

            name.Clear();
            var j = i + 1;
            while (j < text.Length && !IsDelimiter(text[j]))
            {
                if (text[j] == '#' && j + 2 < text.Length && IsHex(text[j + 1]) && IsHex(text[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(text.Slice(j + 1, 2)), 16));
                    j += 3;
                }
                else
                {
                    name.Append((char)text[j]);
                    j++;
                }
            }

            var value = name.ToString();
            all.Add(value);
            if (i > lastObject)
            {
                recent.Add(value);
            }

            i = j - 1;
        }

        return recent;
    }

    private static byte[]? Inflate(byte[] pdf, int start, int end, ref long budget)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(pdf, start, end - start, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                budget -= read;
                if (budget < 0)
                {
                    return null;
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool HasAny(ReadOnlySpan<byte> data, byte[][] markers)
    {
        foreach (var marker in markers)
        {
            if (IndexOfIgnoreCase(data, marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ASCII case-insensitive search (markers are lower-case ASCII).</summary>
    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> data, byte[] marker)
    {
        var first = marker[0];
        var upper = first is >= (byte)'a' and <= (byte)'z' ? (byte)(first - 32) : first;
        var at = 0;
        while (at <= data.Length - marker.Length)
        {
            var found = data[at..].IndexOfAny(first, upper);
            if (found < 0 || at + found > data.Length - marker.Length)
            {
                return -1;
            }

            var index = at + found;
            var match = true;
            for (var k = 1; k < marker.Length && match; k++)
            {
                var c = data[index + k];
                match = c == marker[k] || (marker[k] is >= (byte)'a' and <= (byte)'z' && c == marker[k] - 32);
            }

            if (match)
            {
                return index;
            }

            at = index + 1;
        }

        return -1;
    }

    private static bool IsWhiteSpace(byte b) => b is 0 or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r' or (byte)' ';

    private static bool IsDelimiter(byte b) => IsWhiteSpace(b) || b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
