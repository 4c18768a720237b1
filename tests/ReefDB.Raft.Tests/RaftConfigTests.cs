namespace ReefDB.Raft.Tests;

public sealed class RaftConfigTests
{
    private static RaftConfig Valid() => new() { Id = 1, Random = new Random(1) };

    [Fact]
    public void Defaults_with_an_id_and_a_random_source_are_valid() => Valid().Validate();

    public static TheoryData<string, Func<RaftConfig, RaftConfig>> Invalid() => new()
    {
        { "Id", c => new RaftConfig { Random = c.Random } },
        { "Random", c => new RaftConfig { Id = 1 } },
        { "HeartbeatTick", c => new RaftConfig { Id = 1, Random = c.Random, HeartbeatTick = 0 } },
        { "ElectionTick", c => new RaftConfig { Id = 1, Random = c.Random, ElectionTick = 1 } },
        { "MaxInflightMessages", c => new RaftConfig { Id = 1, Random = c.Random, MaxInflightMessages = 0 } },
        { "MaxInflightBytes", c => new RaftConfig { Id = 1, Random = c.Random, MaxInflightBytes = 10, MaxSizePerMessage = 100 } },
        { "LeaseBased", c => new RaftConfig { Id = 1, Random = c.Random, ReadOnlyOption = ReadOnlyOption.LeaseBased, CheckQuorum = false } },
        { "HeartbeatTick", c => new RaftConfig { Id = 1, Random = c.Random, ReadOnlyOption = ReadOnlyOption.LeaseBased, ElectionTick = 5, HeartbeatTick = 2 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_settings_are_named_in_the_error(string setting, Func<RaftConfig, RaftConfig> make)
    {
        var error = Assert.Throws<ArgumentException>(() => make(Valid()).Validate());
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
