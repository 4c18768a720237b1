using Microsoft.Win32.SafeHandles;
using ReefDB.Raft.Storage.Files;

namespace ReefDB.Testing;

/// <summary>
/// A file system for power-cut tests. Every write really happens (so readers see it, as they would see the page
/// cache), and is also recorded in a model that knows, per file, what was synced and what was only written, and per
/// directory, which creations, renames and deletions were made durable by a directory sync. <see cref="Restart"/>
/// then puts on disk what a power cut could leave: the synced state plus a random part of the rest (see
/// <c>PowerCutFileSystem.Crash.cs</c>). One source linked into the storage and replication test projects.
/// </summary>
/// <remarks>
/// Thread-safe (one lock): a replica writes its log on one thread and snapshots on another. Once the power is off
/// (<see cref="CutPower"/>, or <see cref="CutPowerAfter"/> operations), every operation throws an
/// <see cref="IOException"/>, as a dead disk would, until <see cref="Restart"/>.
/// </remarks>
internal sealed partial class PowerCutFileSystem : IFileSystem
{
    private readonly Lock gate = new();
    private readonly string root;
    private DirNode rootNode;
    private bool off;
    private long countdown = -1;

    // Bumped by each restart: a file opened before it belongs to a dead process and may no longer write.
    private int generation;

    /// <summary>Models the tree under <paramref name="root"/> as it is now, all of it durable.</summary>
    public PowerCutFileSystem(string root)
    {
        this.root = Path.GetFullPath(root);
        Directory.CreateDirectory(this.root);
        rootNode = DirNode.Load(this.root);
    }

    /// <summary>Operations done since the last (re)start: a scale for choosing cut points.</summary>
    public long Operations { get; private set; }

    /// <summary>True once the power is off.</summary>
    public bool IsOff
    {
        get
        {
            lock (gate)
            {
                return off;
            }
        }
    }

    /// <summary>Cuts the power now: every later operation fails.</summary>
    public void CutPower()
    {
        lock (gate)
        {
            off = true;
        }
    }

    /// <summary>Lets <paramref name="operations"/> more operations through, then cuts the power at the next one
    /// (which fails, as do all after it): cut points between a write and its sync, a rename and its directory sync.</summary>
    public void CutPowerAfter(long operations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operations);
        lock (gate)
        {
            countdown = operations;
        }
    }

    public IWritableFile OpenWrite(string path, FileMode mode)
    {
        lock (gate)
        {
            Step();
            var (parent, name) = Parent(path);
            var existing = parent.Current.GetValueOrDefault(name) as FileNode;
            var handle = File.OpenHandle(path, mode, FileAccess.Write, FileShare.Read);
            if (existing is null)
            {
                existing = new FileNode();
                parent.Link(name, existing);
            }
            else if (mode == FileMode.Create)
            {
                existing.Pending.Add(new FileOp(-1, null, 0));
            }

            return new PowerCutFile(this, existing, handle, generation);
        }
    }

    public void SyncDirectory(string directory)
    {
        lock (gate)
        {
            Step();
            Resolve(directory).MakeDurable();
        }
    }

    public bool CreateDirectory(string path)
    {
        lock (gate)
        {
            Step();
            var relative = Relative(path);
            var node = rootNode;
            var created = false;
            var real = root;
            foreach (var part in relative)
            {
                real = Path.Combine(real, part);
                if (node.Current.GetValueOrDefault(part) is DirNode child)
                {
                    node = child;
                    continue;
                }

                Directory.CreateDirectory(real);
                var fresh = new DirNode();
                node.Link(part, fresh);
                node = fresh;
                created = true;
            }

            return created;
        }
    }

    public void Move(string source, string destination)
    {
        lock (gate)
        {
            Step();
            var (from, fromName) = Parent(source);
            var (to, toName) = Parent(destination);
            if (!ReferenceEquals(from, to))
            {
                throw new InvalidOperationException($"The storage renames within one directory only: '{source}' to '{destination}'.");
            }

            File.Move(source, destination, overwrite: true);
            from.Rename(fromName, toName);
        }
    }

    public void Delete(string path)
    {
        lock (gate)
        {
            Step();
            File.Delete(path);
            var (parent, name) = Parent(path);
            if (parent.Current.ContainsKey(name))
            {
                parent.Unlink(name);
            }
        }
    }

    /// <summary>Counts an operation, or fails it when the power is (or now goes) off. Called under the lock.</summary>
    private void Step(int? fileGeneration = null)
    {
        if (fileGeneration is { } opened && opened != generation)
        {
            throw new IOException("Power cut (simulated): this file was opened before the restart.");
        }

        if (countdown == 0)
        {
            off = true;
            countdown = -1;
        }
        else if (countdown > 0)
        {
            countdown--;
        }

        if (off)
        {
            throw new IOException("Power cut (simulated): the disk is gone.");
        }

        Operations++;
    }

    private string[] Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(root, full);
        if (relative == ".")
        {
            return [];
        }

        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new InvalidOperationException($"'{path}' is outside the simulated disk '{root}'.");
        }

        return relative.Split(Path.DirectorySeparatorChar);
    }

    private DirNode Resolve(string directory)
    {
        var node = rootNode;
        foreach (var part in Relative(directory))
        {
            node = node.Current.GetValueOrDefault(part) as DirNode
                ?? throw new DirectoryNotFoundException($"No directory '{directory}' on the simulated disk.");
        }

        return node;
    }

    private (DirNode Parent, string Name) Parent(string path)
    {
        var full = Path.GetFullPath(path);
        return (Resolve(Path.GetDirectoryName(full)!), Path.GetFileName(full));
    }

    /// <summary>A file open for writing: each call is done on the real file and recorded as pending in the model.</summary>
    private sealed class PowerCutFile(PowerCutFileSystem disk, FileNode node, SafeFileHandle handle, int generation) : IWritableFile
    {
        public void Write(ReadOnlySpan<byte> data, long offset)
        {
            lock (disk.gate)
            {
                disk.Step(generation);
                RandomAccess.Write(handle, data, offset);
                node.Pending.Add(new FileOp(offset, data.ToArray(), 0));
            }
        }

        public void Write(IReadOnlyList<ReadOnlyMemory<byte>> buffers, long offset)
        {
            lock (disk.gate)
            {
                disk.Step(generation);
                RandomAccess.Write(handle, buffers, offset);
                var data = new byte[buffers.Sum(b => b.Length)];
                var at = 0;
                foreach (var buffer in buffers)
                {
                    buffer.Span.CopyTo(data.AsSpan(at));
                    at += buffer.Length;
                }

                node.Pending.Add(new FileOp(offset, data, 0));
            }
        }

        public void SetLength(long length)
        {
            lock (disk.gate)
            {
                disk.Step(generation);
                RandomAccess.SetLength(handle, length);
                node.Pending.Add(new FileOp(-1, null, length));
            }
        }

        public void Sync() => SyncData();

        public void SyncData()
        {
            lock (disk.gate)
            {
                disk.Step(generation);
                node.MakeDurable();
            }
        }

        public void Dispose() => handle.Dispose();
    }
}
