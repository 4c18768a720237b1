using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

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

    /// <summary>
    /// The types of <c>$1</c> … <c>$</c><see cref="ParameterCount"/> as PostgreSQL infers them when it
    /// prepares a statement, against <paramref name="version"/>'s catalog: the type of what each parameter is
    /// compared with, assigned to, cast to or passed as (<c>id = $1</c> with an INTEGER <c>id</c> makes
    /// <c>$1</c> integer); the first statement that determines a parameter decides. Text where nothing does,
    /// as PostgreSQL resolves an unknown. A statement that cannot be bound yet (its table is created by an
    /// earlier statement of the batch) determines nothing.
    /// </summary>
    public IReadOnlyList<SqlType> ParameterTypes(DatabaseVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var types = new SqlType?[ParameterCount];
        foreach (var statement in Statements)
        {
            IReadOnlyList<SqlType?> found;
            try
            {
                found = statement.PlanFor(version).ParameterTypes;
            }
            catch (Errors.SqlException)
            {
                continue;
            }

            for (var i = 0; i < Math.Min(found.Count, types.Length); i++)
            {
                types[i] ??= found[i];
            }
        }

        return [.. types.Select(t => t ?? SqlType.Text)];
    }

    /// <summary>True when no statement writes.</summary>
    public bool IsReadOnly => Statements.All(s => s.IsReadOnly);

    internal static int MaxParameter(string sql)
    {
        // From the tokens, so that '$1' inside a string or a dollar-quoted body is text, not a parameter
        // (a document mentioning "$1,234.56" must not demand a parameter).
        var max = 0;
        foreach (var token in Lexer.Tokenize(new SourceMap(sql)))
        {
            if (token.Kind == TokenKind.Parameter
                && int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }

        return max;
    }

    internal static PreparedBatch Parse(string sql) =>
        new(SqlParser.Parse(sql).Select(s => new PreparedStatement(s)).ToList(), MaxParameter(sql));
}
