using System.Globalization;
using System.Text;

namespace ReefDB.Raft.Storage.Files;

/// <summary>
/// The <c>identity</c> file: a few text lines (<c>reefdb-raft 1</c>, <c>cluster=…</c>, <c>node=…</c>) so an
/// operator can read whose directory it is. Written once, atomically, when the directory is created.
/// </summary>
internal static class IdentityFile
{
    public const string Name = "identity";
    private const string FirstLine = "reefdb-raft 1";

    /// <summary>Writes the identity into a new directory, or checks it against the one already there.</summary>
    /// <exception cref="InvalidOperationException">The directory belongs to another cluster or node.</exception>
    public static void WriteOrCheck(DurableFile files, string directory, NodeIdentity identity)
    {
        if (identity.NodeId == 0 || string.IsNullOrEmpty(identity.ClusterId) || identity.ClusterId.AsSpan().ContainsAny('\n', '\r'))
        {
            throw new ArgumentException("A node identity needs a one-line, non-empty cluster id and a node id other than 0.", nameof(identity));
        }

        var path = Path.Combine(directory, Name);
        if (!File.Exists(path))
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{FirstLine}\ncluster={identity.ClusterId}\nnode={identity.NodeId}\n");
            files.WriteAtomically(path, Encoding.UTF8.GetBytes(text));
            return;
        }

        var stored = Read(path);
        if (stored != identity)
        {
            throw new InvalidOperationException(
                $"The raft directory '{directory}' belongs to cluster '{stored.ClusterId}' node {stored.NodeId}, " +
                $"not to cluster '{identity.ClusterId}' node {identity.NodeId}. Point this node at its own directory.");
        }
    }

    private static NodeIdentity Read(string path)
    {
        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        if (lines.Length < 3 || lines[0] != FirstLine || !lines[1].StartsWith("cluster=", StringComparison.Ordinal)
            || !lines[2].StartsWith("node=", StringComparison.Ordinal)
            || !ulong.TryParse(lines[2].AsSpan("node=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var node))
        {
            throw new RaftStorageCorruptionException(path, 0, "the identity file is damaged");
        }

        return new NodeIdentity(lines[1]["cluster=".Length..], node);
    }
}
