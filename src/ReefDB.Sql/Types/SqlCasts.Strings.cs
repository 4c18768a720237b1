using System.Text;

namespace ReefDB.Sql.Types;

internal static partial class SqlCasts
{
    private static SqlValue ToString(SqlValue value, SqlType from, SqlType to, CastContext context)
    {
        string text;
        if (value.Kind == SqlValueKind.Text)
        {
            text = value.AsText;
            // char(n) loses its padding when it becomes text or varchar (PostgreSQL's rtrim in bpchar to text).
            if (from.Kind == SqlTypeKind.Char && to.Kind != SqlTypeKind.Char)
            {
                text = text.TrimEnd(' ');
            }
        }
        else if (value.Kind == SqlValueKind.Boolean)
        {
            text = value.AsBoolean ? "true" : "false";
        }
        else
        {
            text = value.FormatText()!;
        }
        return SqlValue.FromText(ApplyLength(text, to, context));
    }

    /// <summary>
    /// Applies varchar(n)/char(n): too long raises 22001 unless the excess is only spaces or the cast is
    /// explicit (then it truncates); char(n) pads with spaces to n. Lengths count characters (code points).
    /// </summary>
    public static string ApplyLength(string text, SqlType type, CastContext context)
    {
        if (type.Length is not { } max || type.Kind is not (SqlTypeKind.VarChar or SqlTypeKind.Char))
        {
            return text;
        }
        var length = CharacterLength(text);
        if (length > max)
        {
            var cut = Utf16IndexOfCharacter(text, max);
            if (context != CastContext.Explicit && text.AsSpan(cut).ContainsAnyExcept(' '))
            {
                throw ValueErrors.ValueTooLong(type);
            }
            return text[..cut];
        }
        if (type.Kind == SqlTypeKind.Char && length < max)
        {
            return text + new string(' ', max - length);
        }
        return text;
    }

    /// <summary>Characters as PostgreSQL counts them: code points, not UTF-16 units.</summary>
    public static int CharacterLength(string text)
    {
        var surrogates = 0;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                surrogates++;
            }
        }
        return text.Length - surrogates;
    }

    /// <summary>The UTF-16 index where character number <paramref name="characters"/> (0-based) starts.</summary>
    public static int Utf16IndexOfCharacter(string text, int characters)
    {
        var index = 0;
        for (var n = 0; n < characters && index < text.Length; n++)
        {
            index += Rune.TryGetRuneAt(text, index, out var rune) ? rune.Utf16SequenceLength : 1;
        }
        return index;
    }
}
