using ReefDB.Sql.Syntax;

namespace ReefDB.Sql;

/// <summary>
/// SQL text parsed once into statements, each of which caches its plan (see <see cref="PreparedStatement"/>).
/// Immutable apart from those caches; safe to execute from several threads.
/// </summary>
public sealed class PreparedBatch
{
    internal PreparedBatch(IReadOnlyList<PreparedStatement> statements, int parameterCount)
    {
        Statements = statements;
        ParameterCount = parameterCount;
    }

    /// <summary>The statements, in order.</summary>
    public IReadOnlyList<PreparedStatement> Statements { get; }

    /// <summary>The highest <c>$n</c> used in the text.</summary>
    public int ParameterCount { get; }

    /// <summary>True when no statement writes.</summary>
    public bool IsReadOnly => Statements.All(s => s.IsReadOnly);

    internal static int MaxParameter(string sql)
    {
        // $n outside strings; a lexer-exact count is not needed: extra $ in strings only raise the count.
        var max = 0;
        for (var i = 0; i < sql.Length - 1; i++)
        {
            if (sql[i] == '$' && char.IsAsciiDigit(sql[i + 1]))
            {
                var j = i + 1;
                var n = 0;
                while (j < sql.Length && char.IsAsciiDigit(sql[j]) && n < 100000)
                {
                    n = (n * 10) + (sql[j] - '0');
                    j++;
                }

                max = Math.Max(max, n);
            }
        }

        return max;
    }

    internal static PreparedBatch Parse(string sql) =>
        new(SqlParser.Parse(sql).Select(s => new PreparedStatement(s)).ToList(), MaxParameter(sql));
}
