using System.Globalization;
using System.Text;

namespace ReefDB.Testing;

/// <summary>What survives a power cut, and putting exactly that on disk.</summary>
internal sealed partial class PowerCutFileSystem
{
    /// <summary>The granularity at which unsynced writes reach the disk in <see cref="FileFate.SomePages"/>.</summary>
    public const int PageSize = 4096;

    /// <summary>What became of a file's unsynced writes.</summary>
    public enum FileFate
    {
        /// <summary>Nothing was pending.</summary>
        Synced,

        /// <summary>All of them reached the disk (the kernel wrote them back in time).</summary>
        AllWritten,

        /// <summary>None did.</summary>
        NoneWritten,

        /// <summary>The first few did, in order, and the next one only partly (cut at any byte).</summary>
        TornPrefix,

        /// <summary>Each 4 KiB page of each write independently did or did not (write-back in any order); a file
        /// that grows may grow without the pages (they read as zeros).</summary>
        SomePages,
    }

    /// <summary>
    /// Cuts the power (if it is not off yet), decides with <paramref name="random"/> what survives, replaces the tree
    /// on disk by exactly that, and powers on with everything on disk durable. Survives: every synced byte and every
    /// entry made durable by a directory sync; of the rest, per file a <see cref="FileFate"/>, per directory a random
    /// prefix of its pending entry changes (a journal replays them in order). Close what used the disk first.
    /// </summary>
    /// <returns>One line per file or directory with pending changes, for the failure report.</returns>
    public string Restart(Random random)
    {
        lock (gate)
        {
            off = true;
            var report = new StringBuilder();
            var fates = new Dictionary<FileNode, byte[]>(ReferenceEqualityComparer.Instance);
            var image = Survivors(rootNode, ".", random, fates, report);
            foreach (var sub in Directory.GetDirectories(root))
            {
                Directory.Delete(sub, recursive: true);
            }

            foreach (var file in Directory.GetFiles(root))
            {
                File.Delete(file);
            }

            Write(root, image);
            rootNode = DirNode.Load(root);
            off = false;
            generation++;
            countdown = -1;
            Operations = 0;
            return report.ToString();
        }
    }

    private static Dictionary<string, object> Survivors(
        DirNode dir, string path, Random random, Dictionary<FileNode, byte[]> fates, StringBuilder report)
    {
        var entries = new Dictionary<string, object>(dir.Durable, StringComparer.Ordinal);
        if (dir.Pending.Count > 0)
        {
            var kept = random.Next(3) switch
            {
                0 => dir.Pending.Count,
                1 => 0,
                _ => random.Next(dir.Pending.Count + 1),
            };
            foreach (var op in dir.Pending.Take(kept))
            {
                DirNode.Apply(entries, op);
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"  dir {path}: {kept} of {dir.Pending.Count} entry changes kept ({Describe(dir.Pending)})");
        }

        var image = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var child = path + "/" + name;
            image[name] = entry switch
            {
                DirNode sub => Survivors(sub, child, random, fates, report),
                FileNode file => fates.TryGetValue(file, out var bytes) ? bytes : fates[file] = Survivor(file, child, random, report),
                _ => throw new InvalidOperationException(),
            };
        }

        return image;
    }

    private static byte[] Survivor(FileNode file, string path, Random random, StringBuilder report)
    {
        var content = file.Durable.Clone();
        var ops = file.Pending;
        var fate = ops.Count == 0 ? FileFate.Synced : (FileFate)(1 + random.Next(4));
        var detail = "";
        switch (fate)
        {
            case FileFate.AllWritten:
                ops.ForEach(content.Apply);
                break;
            case FileFate.TornPrefix:
                var whole = random.Next(ops.Count);
                ops.Take(whole).ToList().ForEach(content.Apply);
                var torn = ops[whole];
                if (torn.IsWrite)
                {
                    var bytes = random.Next(torn.Data!.Length + 1);
                    content.Write(torn.Offset, torn.Data.AsSpan(0, bytes));
                    detail = $", op {whole} cut after {bytes} of {torn.Data.Length} bytes at offset {torn.Offset}";
                }
                else
                {
                    detail = $", op {whole} (length change) lost";
                }

                break;
            case FileFate.SomePages:
                var lost = new List<long>();
                foreach (var op in ops)
                {
                    if (!op.IsWrite)
                    {
                        content.SetLength(op.Length);
                        continue;
                    }

                    if (random.Next(2) == 0)
                    {
                        content.SetLength(Math.Max(content.Length, op.End));
                    }

                    for (var page = op.Offset / PageSize * PageSize; page < op.End; page += PageSize)
                    {
                        var from = Math.Max(page, op.Offset);
                        var to = Math.Min(page + PageSize, op.End);
                        if (random.Next(2) == 0)
                        {
                            content.Write(from, op.Data.AsSpan((int)(from - op.Offset), (int)(to - from)));
                        }
                        else
                        {
                            lost.Add(from);
                        }
                    }
                }

                detail = $", pages lost at offsets [{string.Join(", ", lost.Take(20))}{(lost.Count > 20 ? ", …" : "")}]";
                break;
        }

        if (fate != FileFate.Synced)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"  file {path}: {fate}, {ops.Count} pending ops ({Describe(ops)}), synced {file.Durable.Length} bytes, now {content.Length}{detail}");
        }

        return content.Span.ToArray();
    }

    private static string Describe(List<FileOp> ops) => string.Join(" ", ops.Take(8).Select(op =>
        op.IsWrite ? $"w{op.Offset}+{op.Data!.Length}" : $"len{op.Length}")) + (ops.Count > 8 ? " …" : "");

    private static string Describe(List<DirOp> ops) => string.Join(" ", ops.Take(8).Select(op =>
        op.From is { } from ? $"mv {from}->{op.Name}" : op.Node is null ? $"rm {op.Name}" : $"add {op.Name}"))
        + (ops.Count > 8 ? " …" : "");

    private static void Write(string path, Dictionary<string, object> image)
    {
        foreach (var (name, entry) in image)
        {
            var child = Path.Combine(path, name);
            if (entry is byte[] bytes)
            {
                File.WriteAllBytes(child, bytes);
            }
            else
            {
                Directory.CreateDirectory(child);
                Write(child, (Dictionary<string, object>)entry);
            }
        }
    }
}
