using System.Globalization;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Types;

public sealed partial class SqlType
{
    /// <summary>
    /// The name PostgreSQL's <c>format_type</c> prints: <c>integer</c>, <c>double precision</c>,
    /// <c>numeric(10,2)</c>, <c>character varying(10)</c>, <c>timestamp without time zone</c>, …
    /// </summary>
    public string Name => Kind switch
    {
        SqlTypeKind.Unknown => "unknown",
        SqlTypeKind.Boolean => "boolean",
        SqlTypeKind.Int16 => "smallint",
        SqlTypeKind.Int32 => "integer",
        SqlTypeKind.Int64 => "bigint",
        SqlTypeKind.Float32 => "real",
        SqlTypeKind.Float64 => "double precision",
        SqlTypeKind.Numeric => Precision is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"numeric({p},{Scale ?? 0})")
            : "numeric",
        SqlTypeKind.Text => "text",
        SqlTypeKind.VarChar => Length is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"character varying({n})")
            : "character varying",
        SqlTypeKind.Char => string.Create(CultureInfo.InvariantCulture, $"character({Length ?? 1})"),
        SqlTypeKind.Date => "date",
        SqlTypeKind.Timestamp => "timestamp without time zone",
        SqlTypeKind.Interval => "interval",
        SqlTypeKind.Bytea => "bytea",
        SqlTypeKind.Uuid => "uuid",
        SqlTypeKind.TsVector => "tsvector",
        SqlTypeKind.TsQuery => "tsquery",
        _ => Kind.ToString(),
    };

    /// <summary>
    /// The type a name and its modifiers denote, as written in CREATE TABLE or CAST: <paramref name="name"/>
    /// is the type name with words separated by single spaces, any case (<c>int4</c>, <c>DOUBLE PRECISION</c>,
    /// <c>character varying</c>, <c>timestamp without time zone</c>); <paramref name="modifiers"/> are the
    /// parenthesised integers (<c>varchar(10)</c>, <c>numeric(10, 2)</c>, <c>float(24)</c>).
    /// </summary>
    /// <exception cref="SqlException">42704 for an unknown name, 22023 for invalid modifiers, 42601 for
    /// modifiers on a type that takes none.</exception>
    public static SqlType Parse(string name, IReadOnlyList<int>? modifiers = null)
    {
        modifiers ??= [];
        var key = name.Trim().ToLowerInvariant();
        switch (key)
        {
            case "varchar" or "character varying" or "char varying":
                CheckModifierCount(key, modifiers, 1);
                return modifiers.Count == 0 ? VarCharUnbounded : VarChar(modifiers[0]);
            case "char" or "character" or "bpchar":
                CheckModifierCount(key, modifiers, 1);
                return Char(modifiers.Count == 0 ? 1 : modifiers[0]);
            case "numeric" or "decimal" or "dec":
                if (modifiers.Count > 2)
                {
                    throw new SqlException(SqlStates.InvalidParameterValue, "invalid NUMERIC type modifier");
                }
                return modifiers.Count switch
                {
                    0 => Numeric,
                    1 => NumericOf(modifiers[0]),
                    _ => NumericOf(modifiers[0], modifiers[1]),
                };
            case "float":
                CheckModifierCount(key, modifiers, 1);
                return modifiers.Count == 0 ? Double : FloatOfPrecision(modifiers[0]);
        }

        var simple = key switch
        {
            "bool" or "boolean" => Boolean,
            "int2" or "smallint" => SmallInt,
            "int" or "int4" or "integer" => Integer,
            "int8" or "bigint" => BigInt,
            "float4" or "real" => Real,
            "float8" or "double precision" => Double,
            "text" => Text,
            "date" => Date,
            "timestamp" or "timestamp without time zone" => Timestamp,
            "interval" => Interval,
            "bytea" => Bytea,
            "uuid" => Uuid,
            "tsvector" => TsVector,
            "tsquery" => TsQuery,
            _ => null,
        };
        if (simple is null)
        {
            throw new SqlException(SqlStates.UndefinedObject, $"type \"{key}\" does not exist");
        }
        if (modifiers.Count > 0 && simple.Kind != SqlTypeKind.Timestamp)
        {
            // PostgreSQL: ERROR 42601 "type modifier is not allowed for type "integer"" (timestamp(p) is allowed).
            throw new SqlException(SqlStates.SyntaxError, $"type modifier is not allowed for type \"{key}\"");
        }
        return simple;
    }

    private static SqlType FloatOfPrecision(int bits) => bits switch
    {
        < 1 => throw new SqlException(SqlStates.InvalidParameterValue, "precision for type float must be at least 1 bit"),
        <= 24 => Real,
        <= 53 => Double,
        _ => throw new SqlException(SqlStates.InvalidParameterValue, "precision for type float must be less than 54 bits"),
    };

    private static void CheckModifierCount(string name, IReadOnlyList<int> modifiers, int max)
    {
        if (modifiers.Count > max)
        {
            throw new SqlException(SqlStates.SyntaxError, $"invalid type modifier for type \"{name}\"");
        }
    }
}
