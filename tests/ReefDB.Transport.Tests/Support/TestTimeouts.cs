namespace ReefDB.Transport.Tests.Support;

/// <summary>Upper bounds that keep a broken test from hanging; never used to assert speed.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Delivery = TimeSpan.FromSeconds(20);
}
