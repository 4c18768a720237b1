using System.Globalization;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>Type names, normalized to PostgreSQL's canonical spelling (see <see cref="TypeName"/>).</summary>
internal sealed partial class Parser
{
    private static readonly Dictionary<string, string> CanonicalTypeNames = new(StringComparer.Ordinal)
    {
        ["int2"] = "smallint",
        ["smallint"] = "smallint",
        ["int"] = "integer",
        ["int4"] = "integer",
        ["integer"] = "integer",
        ["int8"] = "bigint",
        ["bigint"] = "bigint",
        ["float4"] = "real",
        ["real"] = "real",
        ["float8"] = "double precision",
        ["numeric"] = "numeric",
        ["decimal"] = "numeric",
        ["dec"] = "numeric",
        ["bool"] = "boolean",
        ["boolean"] = "boolean",
        ["bpchar"] = "char",
        ["char"] = "char",
        ["character"] = "char",
        ["varchar"] = "varchar",
        ["timestamptz"] = "timestamptz",
        ["timetz"] = "timetz",
        ["serial4"] = "serial",
        ["serial8"] = "bigserial",
        ["serial2"] = "smallserial",
    };

    private TypeName ParseTypeName()
    {
        var start = Current;
        var name = ParseTypeWords(out var modifiers);
        if (Is(TokenKind.LeftBracket) || IsKeyword("array"))
        {
            throw ErrorAt(Current, SqlStates.FeatureNotSupported, "array types are not supported");
        }

        return new TypeName(name, modifiers) { Position = PositionOf(start) };
    }

    private string ParseTypeWords(out List<int> modifiers)
    {
        modifiers = [];
        var token = Current;
        if (token.Kind == TokenKind.Identifier)
        {
            switch (token.Text)
            {
                case "double":
                    Advance();
                    ExpectKeyword("precision");
                    return "double precision";
                case "character" or "char" or "national" or "nchar":
                    Advance();
                    if (token.Text == "national")
                    {
                        if (!AcceptKeyword("character"))
                        {
                            ExpectKeyword("char");
                        }
                    }

                    var varying = AcceptKeyword("varying");
                    modifiers = ParseTypeModifiers();
                    return varying ? "varchar" : "char";
                case "timestamp" or "time":
                    Advance();
                    modifiers = ParseTypeModifiers();
                    var withZone = false;
                    if (AcceptKeyword("with"))
                    {
                        withZone = true;
                        ExpectKeyword("time");
                        ExpectKeyword("zone");
                    }
                    else if (AcceptKeyword("without"))
                    {
                        ExpectKeyword("time");
                        ExpectKeyword("zone");
                    }

                    return token.Text + (withZone ? "tz" : "");
                case "float":
                    Advance();
                    return ParseFloatPrecision();
                case "bit":
                    Advance();
                    var bitVarying = AcceptKeyword("varying");
                    modifiers = ParseTypeModifiers();
                    return bitVarying ? "varbit" : "bit";
            }
        }

        if (!IsFunctionName(token) && !TypeKeywords.Contains(token.Text))
        {
            throw SyntaxError();
        }

        Advance();
        var name = token.Text;
        if (Accept(TokenKind.Dot))
        {
            // pg_catalog.int4 and the like: the schema is tolerated, the type name decides.
            token = Current;
            name = ParseColLabel();
        }

        modifiers = ParseTypeModifiers();
        return token.Kind == TokenKind.Identifier && CanonicalTypeNames.TryGetValue(name, out var canonical) ? canonical : name;
    }

    /// <summary>FLOAT(p): 1–24 bits is real, 25–53 double precision, as in PostgreSQL.</summary>
    private string ParseFloatPrecision()
    {
        if (!Is(TokenKind.LeftParen))
        {
            return "double precision";
        }

        var modifiers = ParseTypeModifiers();
        if (modifiers.Count != 1)
        {
            throw SyntaxErrorAt(tokens[index - 1]);
        }

        return modifiers[0] switch
        {
            < 1 => throw ErrorAt(tokens[index - 2], SqlStates.InvalidParameterValue, "precision for type float must be at least 1 bit"),
            <= 24 => "real",
            <= 53 => "double precision",
            _ => throw ErrorAt(tokens[index - 2], SqlStates.InvalidParameterValue, "precision for type float must be less than 54 bits"),
        };
    }

    /// <summary><c>(n[, m])</c> after a type name, or nothing.</summary>
    private List<int> ParseTypeModifiers()
    {
        if (!Accept(TokenKind.LeftParen))
        {
            return [];
        }

        var modifiers = new List<int>();
        do
        {
            var negative = IsOperator("-") && Advance().Kind == TokenKind.Operator;
            var token = Expect(TokenKind.Integer);
            if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw ErrorAt(token, SqlStates.NumericValueOutOfRange, $"type modifier {token.Text} is out of range");
            }

            modifiers.Add(negative ? -value : value);
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RightParen);
        return modifiers;
    }
}
