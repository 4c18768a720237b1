namespace ReefDB.Testing;

/// <summary>The model: per file, synced bytes and pending writes; per directory, synced and pending entries.</summary>
internal sealed partial class PowerCutFileSystem
{
    /// <summary>A write (<paramref name="Offset"/> ≥ 0, <paramref name="Data"/>) or a length change (Offset -1).</summary>
    private sealed record FileOp(long Offset, byte[]? Data, long Length)
    {
        public bool IsWrite => Offset >= 0;

        public long End => Offset + Data!.Length;
    }

    /// <summary>A file's contents: what the last sync made durable, and the writes and length changes since, in order.</summary>
    private sealed class FileNode
    {
        public Content Durable { get; private set; } = new();

        public List<FileOp> Pending { get; } = [];

        public static FileNode Load(string path)
        {
            var node = new FileNode();
            node.Durable.Write(0, File.ReadAllBytes(path));
            return node;
        }

        public void MakeDurable()
        {
            foreach (var op in Pending)
            {
                Durable.Apply(op);
            }

            Pending.Clear();
        }
    }

    /// <summary>A growable byte array with a length; bytes past the length are always zero.</summary>
    private sealed class Content
    {
        private byte[] bytes = [];

        public long Length { get; private set; }

        public ReadOnlySpan<byte> Span => bytes.AsSpan(0, (int)Length);

        public Content Clone()
        {
            var copy = new Content();
            copy.Write(0, Span);
            return copy;
        }

        public void Apply(FileOp op)
        {
            if (op.IsWrite)
            {
                Write(op.Offset, op.Data);
            }
            else
            {
                SetLength(op.Length);
            }
        }

        public void Write(long offset, ReadOnlySpan<byte> data)
        {
            Grow(offset + data.Length);
            data.CopyTo(bytes.AsSpan((int)offset));
            Length = Math.Max(Length, offset + data.Length);
        }

        public void SetLength(long length)
        {
            if (length < Length)
            {
                bytes.AsSpan((int)length, (int)(Length - length)).Clear();
            }

            Grow(length);
            Length = length;
        }

        private void Grow(long size)
        {
            if (size > bytes.Length)
            {
                Array.Resize(ref bytes, (int)Math.Max(size, bytes.Length * 2L));
            }
        }
    }

    /// <summary>An entry change: a link (<paramref name="Node"/> set), an unlink (null), or a rename (From set).</summary>
    private sealed record DirOp(string Name, object? Node, string? From);

    /// <summary>A directory: the entries the last directory sync made durable, the current ones, and the changes
    /// between them in order. Entries are <see cref="FileNode"/> or <see cref="DirNode"/>.</summary>
    private sealed class DirNode
    {
        public Dictionary<string, object> Durable { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, object> Current { get; } = new(StringComparer.Ordinal);

        public List<DirOp> Pending { get; } = [];

        /// <summary>The tree under <paramref name="path"/> as it is on disk, all durable.</summary>
        public static DirNode Load(string path)
        {
            var node = new DirNode();
            foreach (var sub in Directory.GetDirectories(path))
            {
                node.Durable[Path.GetFileName(sub)] = Load(sub);
            }

            foreach (var file in Directory.GetFiles(path))
            {
                node.Durable[Path.GetFileName(file)] = FileNode.Load(file);
            }

            foreach (var (name, entry) in node.Durable)
            {
                node.Current[name] = entry;
            }

            return node;
        }

        public void Link(string name, object entry) => Change(new DirOp(name, entry, null));

        public void Unlink(string name) => Change(new DirOp(name, null, null));

        public void Rename(string from, string to) => Change(new DirOp(to, null, from));

        public void MakeDurable()
        {
            foreach (var op in Pending)
            {
                Apply(Durable, op);
            }

            Pending.Clear();
        }

        public static void Apply(Dictionary<string, object> entries, DirOp op)
        {
            if (op.From is { } from)
            {
                if (entries.Remove(from, out var moved))
                {
                    entries[op.Name] = moved;
                }
            }
            else if (op.Node is { } node)
            {
                entries[op.Name] = node;
            }
            else
            {
                entries.Remove(op.Name);
            }
        }

        private void Change(DirOp op)
        {
            Apply(Current, op);
            Pending.Add(op);
        }
    }
}
