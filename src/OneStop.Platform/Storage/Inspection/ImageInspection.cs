using System.Buffers.Binary;
using System.IO.Compression;
using OneStop.Platform.Web;

namespace OneStop.Platform.Storage.Inspection;

/// <summary>
/// Images are read by their own structure far enough to know they are real (ADR 0033; no imaging library is kept):
/// a PNG's chunks with their CRCs from IHDR to IEND and its pixel data inflated to the size IHDR promises; a JPEG's
/// segments up to the scan, with a frame header of sane dimensions; a TIFF's first directory with its width and height.
/// Width and height are 1…<see cref="MaxSide"/> pixels and at most <see cref="MaxPixels"/> in all (a decompression bomb
/// hides in the pixel count, not in the file size).
/// </summary>
internal static class ImageInspection
{
    public const int MaxSide = 30_000;
    public const long MaxPixels = 200_000_000;

    public static string? Check(string contentType, byte[] image) => (contentType switch
    {
        FileTypes.Png => IsPng(image),
        FileTypes.Jpeg => IsJpeg(image),
        FileTypes.Tiff => IsTiff(image),
        _ => true,
    }) ? null : PlatformMessages.UploadImageBroken;

    private static bool Sane(long width, long height) => width is > 0 and <= MaxSide && height is > 0 and <= MaxSide && width * height <= MaxPixels;

    private static bool IsPng(byte[] png)
    {
        var position = 8;
        var idat = new MemoryStream();
        long expected = -1;
        var first = true;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            if (length > png.Length - position - 12)
            {
                return false;
            }

            var type = png.AsSpan(position + 4, 4);
            var data = png.AsSpan(position + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + (int)length));
            if (Crc32(png.AsSpan(position + 4, 4 + (int)length)) != crc)
            {
                return false;
            }

            if (first)
            {
                // IHDR: width, height, bit depth, colour type, compression, filter, interlace.
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    return false;
                }

                var (width, height) = (BinaryPrimitives.ReadUInt32BigEndian(data), BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                var channels = (depth: data[8], colour: data[9]) switch
                {
                    (1 or 2 or 4 or 8 or 16, 0) => 1,
                    (8 or 16, 2) => 3,
                    (1 or 2 or 4 or 8, 3) => 1,
                    (8 or 16, 4) => 2,
                    (8 or 16, 6) => 4,
                    _ => 0,
                };
                if (channels == 0 || data[10] != 0 || data[11] != 0 || data[12] > 1 || !Sane(width, height))
                {
                    return false;
                }

                // Non-interlaced: one filter byte per row and the row's bits; Adam7 stores a little more, so only a floor.
                expected = data[12] == 0 ? height * (1 + ((long)width * channels * data[8] + 7) / 8) : height;
                first = false;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return idat.Length > 0 && Inflates(idat, expected);
            }

            position += 12 + (int)length;
        }

        return false;
    }

    /// <summary>The pixel data inflates to at least <paramref name="expected"/> bytes (reading stops there).</summary>
    private static bool Inflates(MemoryStream compressed, long expected)
    {
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while (total < expected && (read = zlib.Read(buffer)) > 0)
            {
                total += read;
            }

            return total >= expected;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsJpeg(byte[] jpeg)
    {
        var position = 2;
        var frame = false;
        while (position + 4 <= jpeg.Length)
        {
            if (jpeg[position] != 0xFF)
            {
                return false;
            }

            var marker = jpeg[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0x01 or >= 0xD0 and <= 0xD7)
            {
                position += 2;
                continue;
            }

            if (marker is 0xD8 or 0xD9)
            {
                return false; // a second start, or the end before any scan
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
            if (length < 2 || position + 2 + length > jpeg.Length)
            {
                return false;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                // SOFn: precision, height, width, number of components.
                if (length < 8 || !Sane(BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 7)), BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 5)))
                    || jpeg[position + 9] is 0 or > 4)
                {
                    return false;
                }

                frame = true;
            }
            else if (marker == 0xDA)
            {
                // Start of scan: the entropy-coded data follows, and the image ends with EOI.
                return frame && jpeg.AsSpan(position + 2 + length).IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
            }

            position += 2 + length;
        }

        return false;
    }

    private static bool IsTiff(byte[] tiff)
    {
        if (tiff.Length < 8)
        {
            return false;
        }

        var little = tiff[0] == (byte)'I';
        uint U32(int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(tiff.AsSpan(at));
        ushort U16(int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(tiff.AsSpan(at));
        var directory = U32(4);
        if (directory < 8 || directory > tiff.Length - 2)
        {
            return false;
        }

        var count = U16((int)directory);
        if (count is 0 or > 1000 || directory + 2 + 12L * count > tiff.Length)
        {
            return false;
        }

        long width = 0, height = 0;
        for (var i = 0; i < count; i++)
        {
            var entry = (int)directory + 2 + 12 * i;
            var value = U16(entry + 2) == 3 ? U16(entry + 8) : U32(entry + 8); // SHORT or LONG, held in the entry
            switch (U16(entry))
            {
                case 256: width = value; break;
                case 257: height = value; break;
            }
        }

        return Sane(width, height);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }
}
