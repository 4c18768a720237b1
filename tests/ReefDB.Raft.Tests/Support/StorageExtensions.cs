using ReefDB.Raft.Storage;

namespace ReefDB.Raft.Tests.Support;

internal static class StorageExtensions
{
    /// <summary>A copy of a storage's log and hard state (for building clusters from one prepared log).</summary>
    public static MemoryRaftStorage CloneForTest(this MemoryRaftStorage source)
    {
        var copy = new MemoryRaftStorage(source.InitialState().Membership);
        if (source.LastIndex >= source.FirstIndex)
        {
            copy.Append(source.Entries(source.FirstIndex, source.LastIndex + 1, ulong.MaxValue));
        }

        copy.SetHardState(source.HardState);
        return copy;
    }
}
