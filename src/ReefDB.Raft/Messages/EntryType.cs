namespace ReefDB.Raft.Messages;

/// <summary>What an <see cref="Entry"/> carries.</summary>
public enum EntryType : byte
{
    /// <summary>An application command (opaque bytes), or an empty no-op appended by a new leader.</summary>
    Normal = 0,

    /// <summary>A membership change, encoded by <see cref="Configuration.ConfChangeCodec"/>. It takes effect when appended.</summary>
    ConfChange = 1,
}
