using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Tests.Syntax;

/// <summary>Parse-and-print helpers: the printer's full parenthesization makes tree shape visible.</summary>
internal static class ParserTestHelpers
{
    /// <summary>Parses one statement and prints it, checking the printed form reads back identically.</summary>
    public static string RoundTrip(string sql)
    {
        var printed = SqlFormatter.Format(SqlParser.ParseSingle(sql));
        var reprinted = SqlFormatter.Format(SqlParser.ParseSingle(printed));
        Assert.Equal(printed, reprinted);
        return printed;
    }

    /// <summary>Parses one expression and prints it fully parenthesized.</summary>
    public static string Expr(string sql)
    {
        var printed = SqlFormatter.Format(SqlParser.ParseExpression(sql));
        Assert.Equal(printed, SqlFormatter.Format(SqlParser.ParseExpression(printed)));
        return printed;
    }

    public static T Single<T>(string sql)
        where T : Statement => Assert.IsType<T>(SqlParser.ParseSingle(sql));

    public static SqlException SyntaxError(string sql)
    {
        var error = Assert.Throws<SqlException>(() => SqlParser.Parse(sql));
        Assert.Equal(SqlStates.SyntaxError, error.SqlState);
        return error;
    }
}
