using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Binding;

/// <summary>Column names of a set-returning function in FROM, as PostgreSQL 15 names them.</summary>
public sealed class FunctionTableTests
{
    [Fact]
    public void Table_alias_names_the_single_column_when_no_column_alias_is_given()
    {
        var db = new TestDatabase();
        Assert.Equal(["1", "2", "3"], db.Rows("SELECT g FROM generate_series(1, 3) AS g"));
        Assert.Equal(["2"], db.Rows("SELECT g.g FROM generate_series(1, 3) g WHERE g = 2"));
    }

    [Fact]
    public void Column_alias_and_function_name_still_name_the_column()
    {
        var db = new TestDatabase();
        Assert.Equal(["3"], db.Rows("SELECT n FROM generate_series(3, 3) AS g(n)"));
        Assert.Equal(["4"], db.Rows("SELECT generate_series FROM generate_series(4, 4)"));
    }
}
