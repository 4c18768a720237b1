using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Types;

// PostgreSQL 15: pg_typeof over UNION / COALESCE / CASE of the same types.
public sealed class TypeResolutionTests
{
    [Fact]
    public void Numbers_widen_to_the_highest_type()
    {
        Assert.Equal(SqlType.Real, TypeResolution.CommonType([SqlType.Real, SqlType.Integer], "UNION"));
        Assert.Equal(SqlType.Numeric, TypeResolution.CommonType([SqlType.Integer, SqlType.Numeric], "COALESCE"));
        Assert.Equal(SqlType.BigInt, TypeResolution.CommonType([SqlType.Integer, SqlType.BigInt], "CASE"));
        Assert.Equal(SqlType.Double, TypeResolution.CommonType([SqlType.Numeric, SqlType.Double, SqlType.Integer], "CASE"));
    }

    [Fact]
    public void Unknowns_adapt_and_alone_become_text()
    {
        Assert.Equal(SqlType.Text, TypeResolution.CommonType([SqlType.Unknown, SqlType.Unknown], "UNION"));
        Assert.Equal(SqlType.Integer, TypeResolution.CommonType([SqlType.Unknown, SqlType.Integer], "UNION"));
    }

    [Fact]
    public void Strings_prefer_text_else_the_first_and_keep_equal_modifiers()
    {
        Assert.Equal(SqlType.VarCharUnbounded, TypeResolution.CommonType([SqlType.VarChar(3), SqlType.Char(2)], "UNION"));
        Assert.Equal(SqlType.Text, TypeResolution.CommonType([SqlType.VarChar(3), SqlType.Text], "UNION"));
        Assert.Equal(SqlType.VarChar(3), TypeResolution.CommonType([SqlType.VarChar(3), SqlType.VarChar(3)], "UNION"));
        Assert.Equal(SqlType.Timestamp, TypeResolution.CommonType([SqlType.Date, SqlType.Timestamp], "UNION"));
    }

    [Fact]
    public void Different_categories_cannot_be_matched()
    {
        var error = Assert.Throws<SqlException>(() => TypeResolution.CommonType([SqlType.Integer, SqlType.Text], "UNION"));
        Assert.Equal("42804", error.SqlState);
        Assert.Equal("UNION types integer and text cannot be matched", error.Message);
    }
}
