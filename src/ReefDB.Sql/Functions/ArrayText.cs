using System.Text;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Functions;

/// <summary>
/// Reads PostgreSQL's one-dimensional array text (<c>{a,"b c",NULL,""}</c>) for the text-search functions
/// that take arrays (ReefDB has no array types yet, so these arguments arrive as text). Elements may be
/// double-quoted (with backslash escapes); an unquoted NULL is SQL NULL.
/// </summary>
internal static class ArrayText
{
    public static string?[] Parse(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.Length < 2 || s[0] != '{' || s[^1] != '}')
        {
            throw Malformed(text);
        }

        var body = s[1..^1];
        var items = new List<string?>();
        var i = 0;
        SkipSpaces(body, ref i);
        if (i == body.Length)
        {
            return [];
        }

        while (true)
        {
            SkipSpaces(body, ref i);
            items.Add(body.Length > i && body[i] == '"' ? Quoted(body, ref i, text) : Unquoted(body, ref i));
            SkipSpaces(body, ref i);
            if (i == body.Length)
            {
                return [.. items];
            }

            if (body[i] != ',')
            {
                throw Malformed(text);
            }

            i++;
        }
    }

    private static string Quoted(ReadOnlySpan<char> body, ref int i, string text)
    {
        var sb = new StringBuilder();
        for (i++; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                sb.Append(body[++i]);
            }
            else if (body[i] == '"')
            {
                i++;
                return sb.ToString();
            }
            else
            {
                sb.Append(body[i]);
            }
        }

        throw Malformed(text);
    }

    private static string? Unquoted(ReadOnlySpan<char> body, ref int i)
    {
        var sb = new StringBuilder();
        for (; i < body.Length && body[i] != ','; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                i++;
            }

            sb.Append(body[i]);
        }

        var element = sb.ToString().Trim();
        return element.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : element;
    }

    private static void SkipSpaces(ReadOnlySpan<char> body, ref int i)
    {
        while (i < body.Length && char.IsWhiteSpace(body[i]))
        {
            i++;
        }
    }

    private static SqlException Malformed(string text) =>
        new(SqlStates.InvalidTextRepresentation, $"malformed array literal: \"{text}\"");
}
