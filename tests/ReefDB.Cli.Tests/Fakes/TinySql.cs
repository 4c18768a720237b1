using System.Globalization;
using System.Text.RegularExpressions;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Tests.Fakes;

/// <summary>Canned answers for the few statements the command tests use.</summary>
internal static class TinySql
{
    /// <summary>Answers <paramref name="text"/>, read with its blanks collapsed.</summary>
    public static StatementOutcome Answer(string text) => AnswerNormalized(Regex.Replace(text, @"\s+", " "));

    private static StatementOutcome AnswerNormalized(string sql) => sql switch
    {
        "CREATE TABLE t(a INT, b TEXT)" => StatementOutcome.Command("CREATE TABLE"),
        "INSERT INTO t VALUES (1, 'x')" => StatementOutcome.Command("INSERT 0 1", 1),
        "SELECT a, b FROM t" => StatementOutcome.Query("SELECT 2", ["a", "b"], [[1L, "x"], [22L, null]]),
        "SELECT 1" => StatementOutcome.Query("SELECT 1", ["?column?"], [[1L]]),
        "BEGIN" => StatementOutcome.Command("BEGIN"),
        "COMMIT" => StatementOutcome.Command("COMMIT"),
        "ROLLBACK" => StatementOutcome.Command("ROLLBACK"),
        _ when sql.StartsWith("SELEC ", StringComparison.Ordinal) =>
            StatementOutcome.Failed(new SqlError("42601", "syntax error at or near \"SELEC\"", 1, 1)),
        _ when sql.StartsWith("SELECT nope", StringComparison.Ordinal) =>
            StatementOutcome.Failed(new SqlError("42703", "column \"nope\" does not exist", 1, 8)),
        _ => StatementOutcome.Failed(new SqlError("0A000", string.Create(CultureInfo.InvariantCulture, $"fake cannot run: {sql}"))),
    };
}
