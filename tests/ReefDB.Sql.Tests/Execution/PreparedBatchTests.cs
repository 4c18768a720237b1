namespace ReefDB.Sql.Tests.Execution;

public sealed class PreparedBatchTests
{
    [Fact]
    public void Parameter_count_ignores_dollar_digits_inside_strings()
    {
        var engine = new SqlEngine();

        Assert.Equal(0, engine.Prepare("SELECT 'She paid $1,234.56', $$ $2 $$").ParameterCount);
        Assert.Equal(3, engine.Prepare("SELECT 'cost: $9', $3, $1").ParameterCount);
    }
}
