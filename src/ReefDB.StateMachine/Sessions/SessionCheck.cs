using Google.Protobuf;

namespace ReefDB.StateMachine.Sessions;

/// <summary>The decision for a write carrying a client id and sequence number.</summary>
public readonly record struct SessionCheck
{
    private SessionCheck(SessionCheckKind kind, ByteString? outcome, ulong lastSequence)
    {
        Kind = kind;
        Outcome = outcome;
        LastSequence = lastSequence;
    }

    /// <summary>New work: apply it.</summary>
    public static SessionCheck Apply { get; } = new(SessionCheckKind.Apply, null, 0);

    /// <summary>What to do.</summary>
    public SessionCheckKind Kind { get; }

    /// <summary>For <see cref="SessionCheckKind.Duplicate"/>: the encoded original outcome.</summary>
    public ByteString? Outcome { get; }

    /// <summary>For <see cref="SessionCheckKind.Stale"/>: the newer sequence already applied.</summary>
    public ulong LastSequence { get; }

    /// <summary>A retry of the last applied write: answer with its outcome, apply nothing.</summary>
    public static SessionCheck Duplicate(ByteString outcome) => new(SessionCheckKind.Duplicate, outcome, 0);

    /// <summary>A retry of a write older than the last applied one: its outcome is gone.</summary>
    public static SessionCheck Stale(ulong lastSequence) => new(SessionCheckKind.Stale, null, lastSequence);
}

/// <summary>Kinds of <see cref="SessionCheck"/>.</summary>
public enum SessionCheckKind
{
    /// <summary>Apply the batch.</summary>
    Apply,

    /// <summary>Answer with the stored outcome.</summary>
    Duplicate,

    /// <summary>Refuse: a newer sequence of this client was applied already.</summary>
    Stale,
}
