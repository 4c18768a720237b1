using ReefDB.Cli.LogicTest;

namespace ReefDB.Cli.Tests.LogicTest;

public sealed class ResultPrinterTests
{
    public static TheoryData<object?, char, string> Cases => new()
    {
        { null, 'I', "NULL" },
        { null, 'R', "NULL" },
        { null, 'T', "NULL" },
        { 42L, 'I', "42" },
        { -7.9, 'I', "-7" },
        { 7.9f, 'I', "7" },
        { 12.99m, 'I', "12" },
        { -0.5m, 'I', "0" },
        { true, 'I', "1" },
        { "12abc", 'I', "12" },
        { "abc", 'I', "0" },
        { "-3.7e1x", 'I', "-37" },
        { 1L, 'R', "1.000" },
        { 2.0 / 3, 'R', "0.667" },
        { 0.0005, 'R', "0.001" },
        { -0.0001, 'R', "-0.000" },
        { 1234.5678m, 'R', "1234.568" },
        { "x", 'T', "x" },
        { "", 'T', "(empty)" },
        { "tab\there", 'T', "tab@here" },
        { "é", 'T', "é" },
        { "😀!", 'T', "😀!" },
        { 5L, 'T', "5" },
        { false, 'T', "f" },
        { 1.5, 'T', "1.5" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prints_values_the_way_sqllogictest_compares_them(object? value, char type, string printed)
    {
        Assert.Equal(printed, ResultPrinter.Print(value, type));
    }

    [Fact]
    public void Hash_is_md5_of_each_value_and_a_newline()
    {
        // printf '1\nx\n' | md5sum
        Assert.Equal("b22d353b5347903bd77935c08084ae3b", ResultHasher.Md5(["1", "x"]));
        Assert.Equal("68b329da9893e34099c7d8ad5cb9c940", ResultHasher.Md5([string.Empty]));
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", ResultHasher.Md5([]));
    }
}
