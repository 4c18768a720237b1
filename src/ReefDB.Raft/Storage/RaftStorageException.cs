namespace ReefDB.Raft.Storage;

/// <summary>An <see cref="IRaftStorage"/> failure of a documented <see cref="StorageError"/> kind.</summary>
/// <remarks>Any other exception from storage is treated as fatal by the core and propagates to the caller.</remarks>
public sealed class RaftStorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RaftStorageException(StorageError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the exception with a default message.</summary>
    public RaftStorageException(StorageError error)
        : this(error, $"Raft storage: {error}.")
    {
    }

    /// <summary>Creates the exception (serialization-style constructor kept for analyzers).</summary>
    public RaftStorageException()
        : this(StorageError.Unavailable)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RaftStorageException(string message)
        : this(StorageError.Unavailable, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RaftStorageException(string message, Exception innerException)
        : base(message, innerException) => Error = StorageError.Unavailable;

    /// <summary>The kind of failure.</summary>
    public StorageError Error { get; }
}
