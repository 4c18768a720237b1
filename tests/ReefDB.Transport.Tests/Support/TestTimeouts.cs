namespace ReefDB.Transport.Tests.Support;

/// <summary>
/// Upper bounds that keep a broken test from hanging; never used to assert speed. Generous because CI runs
/// every test project at once on two cores.
/// </summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Delivery = TimeSpan.FromSeconds(90);
}
