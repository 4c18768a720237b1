namespace ReefDB.Raft.Configuration;

/// <summary>The single-server membership changes the core supports (one at a time, dissertation §4.1).</summary>
public enum ConfChangeType : byte
{
    /// <summary>Add a new voting member. Quorum grows at once: prefer adding a learner and promoting it.</summary>
    AddVoter = 1,

    /// <summary>Add a non-voting member that receives the log without affecting quorum.</summary>
    AddLearner = 2,

    /// <summary>Turn a learner into a voter.</summary>
    PromoteLearner = 3,

    /// <summary>Remove a voter or learner. A removed leader steps down once the removal commits.</summary>
    RemoveNode = 4,
}
