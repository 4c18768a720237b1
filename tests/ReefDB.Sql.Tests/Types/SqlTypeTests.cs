using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Types;

public sealed class SqlTypeTests
{
    [Theory]
    [InlineData("int", "integer")]
    [InlineData("INT4", "integer")]
    [InlineData("integer", "integer")]
    [InlineData("smallint", "smallint")]
    [InlineData("int2", "smallint")]
    [InlineData("bigint", "bigint")]
    [InlineData("int8", "bigint")]
    [InlineData("real", "real")]
    [InlineData("float4", "real")]
    [InlineData("float", "double precision")]
    [InlineData("float8", "double precision")]
    [InlineData("Double Precision", "double precision")]
    [InlineData("numeric", "numeric")]
    [InlineData("decimal", "numeric")]
    [InlineData("text", "text")]
    [InlineData("varchar", "character varying")]
    [InlineData("char", "character(1)")]
    [InlineData("bool", "boolean")]
    [InlineData("date", "date")]
    [InlineData("timestamp", "timestamp without time zone")]
    [InlineData("bytea", "bytea")]
    [InlineData("uuid", "uuid")]
    public void Parse_maps_names_and_aliases_to_postgres_output_names(string name, string expected) =>
        Assert.Equal(expected, SqlType.Parse(name).Name);

    [Theory]
    [InlineData("varchar", new[] { 10 }, "character varying(10)")]
    [InlineData("character varying", new[] { 3 }, "character varying(3)")]
    [InlineData("char", new[] { 4 }, "character(4)")]
    [InlineData("numeric", new[] { 10, 2 }, "numeric(10,2)")]
    [InlineData("numeric", new[] { 5 }, "numeric(5,0)")]
    [InlineData("float", new[] { 24 }, "real")]
    [InlineData("float", new[] { 25 }, "double precision")]
    [InlineData("timestamp", new[] { 3 }, "timestamp without time zone")]
    public void Parse_applies_modifiers(string name, int[] modifiers, string expected) =>
        Assert.Equal(expected, SqlType.Parse(name, modifiers).Name);

    [Theory]
    [InlineData("foo", new int[0], "42704", "type \"foo\" does not exist")]
    [InlineData("varchar", new[] { 0 }, "22023", "length for type varchar must be at least 1")]
    [InlineData("numeric", new[] { 0 }, "22023", "NUMERIC precision 0 must be between 1 and 1000")]
    [InlineData("numeric", new[] { 3, 4, 5 }, "22023", "invalid NUMERIC type modifier")]
    [InlineData("float", new[] { 0 }, "22023", "precision for type float must be at least 1 bit")]
    [InlineData("float", new[] { 54 }, "22023", "precision for type float must be less than 54 bits")]
    public void Parse_rejects_bad_names_and_modifiers_like_postgres(string name, int[] modifiers, string state, string message)
    {
        var error = Assert.Throws<SqlException>(() => SqlType.Parse(name, modifiers));
        Assert.Equal(state, error.SqlState);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Types_are_equal_by_kind_and_modifiers()
    {
        Assert.Equal(SqlType.VarChar(10), SqlType.Parse("varchar", [10]));
        Assert.NotEqual(SqlType.VarChar(10), SqlType.VarChar(11));
        Assert.Equal(SqlType.NumericOf(10, 2).GetHashCode(), SqlType.Parse("decimal", [10, 2]).GetHashCode());
        Assert.True(SqlType.Integer == SqlType.Parse("int4"));
        Assert.Equal(SqlType.Numeric, SqlType.NumericOf(10, 2).WithoutModifiers);
    }

    [Fact]
    public void Value_kinds_follow_storage_not_declaration()
    {
        Assert.Equal(SqlValueKind.Int64, SqlType.SmallInt.ValueKind);
        Assert.Equal(SqlValueKind.Int64, SqlType.Integer.ValueKind);
        Assert.Equal(SqlValueKind.Text, SqlType.Char(3).ValueKind);
        Assert.Equal(SqlValueKind.Float32, SqlType.Real.ValueKind);
    }
}
