using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace OneStop.Platform.Search;

/// <summary>
/// Index files memory-mapped and read through a pointer. Lucene.NET 4.8.0-beta00017's <see cref="MMapDirectory"/> reads
/// every byte through J2N's <c>ByteBuffer</c> (a third of a words query's time went to <c>ReadByte</c>/<c>ReadVInt32</c>)
/// and registers every clone of an input in a <c>ConditionalWeakTable</c>, whose dependent handles doubled the cost of
/// each gen-0 collection (lucenenet issue 1151; the upstream fix is not released). Here a clone is a copy of a
/// position, nothing is registered, and a mapping is unmapped only when no input over it is reachable any more (its
/// finalizer), so a clone read after the original was closed reads valid memory instead of crashing the process. The
/// price: a file deleted after a merge keeps its pages until the next full collection.
/// </summary>
internal sealed class MappedFileDirectory(string path) : FSDirectory(new DirectoryInfo(path), null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var mapping = Mapping.Open(file);
        return new MappedInput($"MappedInput(path=\"{file}\")", mapping, 0, mapping.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        return new Slicer(this, file, Mapping.Open(file));
    }

    private sealed class Slicer(MappedFileDirectory directory, string file, Mapping mapping) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            directory.EnsureOpen();
            if (offset < 0 || length < 0 || offset + length > mapping.Length)
            {
                throw new ArgumentException($"Slice {sliceDescription} [{offset}, {offset + length}) is outside {file} ({mapping.Length} bytes).");
            }

            return new MappedInput($"MappedInput(path=\"{file}\" slice={sliceDescription})", mapping, offset, length);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full", 0, mapping.Length);

        protected override void Dispose(bool disposing)
        {
            // The mapping goes when the last input over it is unreachable (see Mapping).
        }
    }

    /// <summary>One file mapped read-only; unmapped by its finalizer once no input refers to it.</summary>
    internal sealed unsafe class Mapping
    {
        private readonly MemoryMappedFile? _file;
        private readonly MemoryMappedViewAccessor? _view;

        private Mapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* start, long length)
        {
            _file = file;
            _view = view;
            Start = start;
            Length = length;
        }

        public byte* Start { get; }
        public long Length { get; }

        public static Mapping Open(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length == 0)
            {
                return new Mapping(null, null, null, 0); // an empty file cannot be mapped
            }

            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new Mapping(file, view, start + view.PointerOffset, stream.Length);
        }

        ~Mapping()
        {
            // Critical finalizers (the SafeHandles) run after this one, so the view is still valid here.
            if (_view is not null)
            {
                _view.SafeMemoryMappedViewHandle.ReleasePointer();
                _view.Dispose();
                _file!.Dispose();
            }
        }
    }

    /// <summary>A window [offset, offset + length) of a mapping and a position in it; a clone copies the position.</summary>
    private sealed unsafe class MappedInput(string description, Mapping mapping, long offset, long length) : IndexInput(description)
    {
        private readonly Mapping _mapping = mapping; // keeps the pages mapped while this input (or a clone) is reachable
        private readonly byte* _start = mapping.Start + offset;
        private long _position;
        private bool _disposed;

        public override long Length => length;

        public override long Position => _position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length)
            {
                throw new EndOfStreamException($"Seek to {pos} outside {this} ({length} bytes).");
            }

            _position = pos;
        }

        public override byte ReadByte()
        {
            if (_position >= length)
            {
                throw new EndOfStreamException($"Read past EOF: {this}");
            }

            return _start[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            new ReadOnlySpan<byte>(Take(len), len).CopyTo(b.AsSpan(offset, len));
        }

        public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(Take(2), 2));

        public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(Take(4), 4));

        public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(Take(8), 8));

        public override int ReadVInt32()
        {
            // The same format as DataInput.ReadVInt32, without a virtual call per byte.
            if (length - _position >= 5)
            {
                var p = _start + _position;
                int b = p[0];
                if (b < 0x80)
                {
                    _position += 1;
                    return b;
                }

                var i = b & 0x7F;
                b = p[1];
                i |= (b & 0x7F) << 7;
                if (b < 0x80)
                {
                    _position += 2;
                    return i;
                }

                b = p[2];
                i |= (b & 0x7F) << 14;
                if (b < 0x80)
                {
                    _position += 3;
                    return i;
                }

                b = p[3];
                i |= (b & 0x7F) << 21;
                if (b < 0x80)
                {
                    _position += 4;
                    return i;
                }

                b = p[4];
                i |= (b & 0x0F) << 28;
                if ((b & 0xF0) == 0)
                {
                    _position += 5;
                    return i;
                }

                throw new IOException("Invalid VInt32 detected (too many bits)");
            }

            return base.ReadVInt32();
        }

        private byte* Take(int count)
        {
            if (count < 0 || _position + count > length)
            {
                throw new EndOfStreamException($"Read past EOF: {this}");
            }

            var p = _start + _position;
            _position += count;
            return p;
        }

        public override object Clone()
        {
            var clone = (MappedInput)base.Clone();
            clone._disposed = false;
            return clone;
        }

        protected override void Dispose(bool disposing) => _disposed = true; // unmapped with the mapping (see Mapping)

        public override string ToString() => _disposed ? base.ToString() + " (closed)" : base.ToString();
    }
}
