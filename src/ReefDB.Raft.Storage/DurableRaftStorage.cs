using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Files;
using ReefDB.Raft.Storage.Log;
using ReefDB.Raft.Storage.Snapshots;

namespace ReefDB.Raft.Storage;

/// <summary>
/// An <see cref="IRaftStorage"/> kept in a directory: log segments, the hard state and membership, snapshots and
/// the node's identity. What a mutating call persisted is durable when it returns (under
/// <see cref="FsyncPolicy.Always"/>). Layout, formats and recovery rules: OVERVIEW.md next to this file.
/// </summary>
/// <remarks>
/// Not thread-safe: drive it from the thread that drives its <see cref="RaftNode"/>. A directory is locked by
/// the process that opened it until <see cref="Dispose"/>.
/// </remarks>
public sealed partial class DurableRaftStorage : IRaftStorage, IDisposable
{
    private const string LogFolder = "log";
    private const string LockName = "lock";
    private const string SnapshotFolder = "snapshots";

    private readonly string directory;
    private readonly DurableFile files;
    private readonly FileStream lockFile;
    private readonly SegmentedLog log;
    private readonly SnapshotStore snapshots;
    private readonly List<string> warnings;
    private HardState hardState;
    private Membership baseMembership;

    private DurableRaftStorage(
        string directory, DurableRaftStorageOptions options, DurableFile files, FileStream lockFile, SegmentedLog log,
        SnapshotStore snapshots, List<string> warnings, HardState hardState, Membership baseMembership)
    {
        this.directory = directory;
        FsyncPolicy = options.Fsync;
        this.files = files;
        this.lockFile = lockFile;
        this.log = log;
        this.snapshots = snapshots;
        this.warnings = warnings;
        this.hardState = hardState;
        this.baseMembership = baseMembership;
    }

    /// <summary>The fsync policy in force; an owner that sees <see cref="Storage.FsyncPolicy.None"/> should warn
    /// that acknowledged writes may be lost on a machine crash.</summary>
    public FsyncPolicy FsyncPolicy { get; }

    /// <summary>What recovery repaired when the directory was opened (torn tails truncated, stale files removed).</summary>
    public IReadOnlyList<string> RecoveryWarnings => warnings;

    /// <summary>The persisted hard state.</summary>
    public HardState HardState => hardState;

    /// <inheritdoc />
    public ulong FirstIndex => log.FirstIndex;

    /// <inheritdoc />
    public ulong LastIndex => log.LastIndex;

    /// <summary>The bytes the log segments occupy on disk.</summary>
    public long LogBytesOnDisk => log.BytesOnDisk;

    /// <summary>
    /// Opens the raft directory at <paramref name="directory"/>, creating it for <paramref name="identity"/> when it
    /// is new, and recovers it: a torn record at the end of the log is truncated (see <see cref="RecoveryWarnings"/>);
    /// any other damage throws.
    /// </summary>
    /// <param name="bootstrapMembership">The membership of a new directory (a founding node's group, or
    /// <see cref="Membership.Empty"/> for a node that will join); ignored when the directory exists.</param>
    /// <exception cref="InvalidOperationException">The directory belongs to another cluster or node.</exception>
    /// <exception cref="RaftStorageCorruptionException">The directory is damaged; the message names the file, the
    /// offset and the way out.</exception>
    /// <exception cref="IOException">Another process has the directory open.</exception>
    public static DurableRaftStorage Open(
        string directory, NodeIdentity identity, Membership bootstrapMembership, DurableRaftStorageOptions? options = null)
    {
        options ??= new DurableRaftStorageOptions();
        var files = new DurableFile(options.FileSystem, options.Fsync == FsyncPolicy.Always);
        files.CreateDirectory(directory);
        var lockFile = new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            var warnings = new List<string>();
            void Warn(string message)
            {
                warnings.Add(message);
                options.OnWarning?.Invoke(message);
            }

            var isNew = !File.Exists(Path.Combine(directory, StateFile.Name));
            if (isNew && (Directory.Exists(Path.Combine(directory, LogFolder)) || Directory.Exists(Path.Combine(directory, SnapshotFolder))))
            {
                // The state file is written right after the identity and before any log or snapshot: without it the
                // node's vote is lost, and voting again could elect two leaders in one term.
                throw new RaftStorageCorruptionException(Path.Combine(directory, StateFile.Name), 0,
                    "the state file (term, vote) is missing although the directory holds a log");
            }

            if (!isNew && !File.Exists(Path.Combine(directory, IdentityFile.Name)))
            {
                throw new RaftStorageCorruptionException(Path.Combine(directory, IdentityFile.Name), 0,
                    "the identity file is missing although the directory holds a state file");
            }

            IdentityFile.WriteOrCheck(files, directory, identity);
            DeleteLeftoverTempFiles(files, directory, Warn);
            var stored = StateFile.Read(directory);
            if (stored is null)
            {
                stored = (default(HardState), bootstrapMembership);
                StateFile.Write(files, directory, stored.Value.State, stored.Value.Membership);
            }

            var snapshots = SnapshotStore.Open(Path.Combine(directory, SnapshotFolder), files, Warn);
            var newest = snapshots.Newest?.Metadata;
            var log = SegmentedLog.Open(Path.Combine(directory, LogFolder), options, files, newest?.Index ?? 0, newest?.Term ?? 0, Warn);
            var storage = new DurableRaftStorage(directory, options, files, lockFile, log, snapshots, warnings, stored.Value.State, stored.Value.Membership);
            storage.CheckCommitIsHeld();
            return storage;
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>A snapshot only ever covers committed entries, so the commit index reported is at least the newest
    /// snapshot's index, even when the persisted one lags (a driver may persist a commit-only change lazily: the
    /// commit index is an optimisation, not a safety requirement).</remarks>
    public RaftInitialState InitialState()
    {
        var state = hardState;
        var snapshotIndex = snapshots.Newest?.Metadata.Index ?? 0;
        if (snapshotIndex > state.Commit)
        {
            state = state with { Commit = snapshotIndex };
        }

        return new RaftInitialState(state, snapshots.Newest?.Metadata.Membership ?? baseMembership);
    }

    /// <inheritdoc />
    public IReadOnlyList<Entry> Entries(ulong low, ulong high, ulong maxBytes)
    {
        if (low < FirstIndex)
        {
            throw new RaftStorageException(StorageError.Compacted);
        }

        if (high > LastIndex + 1)
        {
            throw new RaftStorageException(StorageError.Unavailable, $"Entries up to {high - 1} requested; last is {LastIndex}.");
        }

        return low >= high ? [] : log.Entries(low, high, maxBytes);
    }

    /// <inheritdoc />
    public ulong Term(ulong index)
    {
        if (index < FirstIndex - 1)
        {
            throw new RaftStorageException(StorageError.Compacted);
        }

        if (index > LastIndex)
        {
            throw new RaftStorageException(StorageError.Unavailable);
        }

        return log.TermAt(index);
    }

    /// <summary>Persists a hard state handed out in <see cref="Ready.HardState"/> (atomically replaced).</summary>
    public void SetHardState(HardState state)
    {
        StateFile.Write(files, directory, state, baseMembership);
        hardState = state;
    }

    /// <summary>
    /// Persists entries handed out in <see cref="Ready.Entries"/> with one write and one fsync. Entries at or after
    /// the first new index replace the stored ones (a new leader overwrote an uncommitted suffix); entries before
    /// <see cref="FirstIndex"/> are ignored.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entries would leave a gap after <see cref="LastIndex"/>.</exception>
    public void Append(IReadOnlyList<Entry> entries) => log.Append(entries);

    /// <summary>Releases the files and the directory lock.</summary>
    public void Dispose()
    {
        log.Dispose();
        lockFile.Dispose();
    }

    private static void DeleteLeftoverTempFiles(DurableFile files, string directory, Action<string> warn)
    {
        foreach (var temp in Directory.GetFiles(directory, "*" + DurableFile.TempSuffix))
        {
            warn($"Deleted '{temp}': a file whose atomic replacement was interrupted by a crash (the previous version is kept).");
            files.Delete(temp);
        }
    }

    /// <summary>Under fsync always, entries reach the disk before the commit index that covers them, so a log that
    /// ends before the commit index has lost a segment.</summary>
    private void CheckCommitIsHeld()
    {
        if (files.Fsync && hardState.Commit > Math.Max(LastIndex, snapshots.Newest?.Metadata.Index ?? 0))
        {
            throw new RaftStorageCorruptionException(Path.Combine(directory, LogFolder), 0,
                $"the log ends at index {LastIndex} but entries up to {hardState.Commit} were committed: a log segment is missing");
        }
    }
}
