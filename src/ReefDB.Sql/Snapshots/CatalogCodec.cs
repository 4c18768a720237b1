using System.Collections.Immutable;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Snapshots;

/// <summary>
/// Writes and reads the catalog (tables, indexes, views) in snapshot format 2 (reads 1 too). Stored expressions (column
/// defaults, CHECK constraints, index expressions) travel as SQL text printed by the formatter and parsed
/// back, so the snapshot does not depend on the shape of the AST classes.
/// </summary>
internal static class CatalogCodec
{
    public static void Write(BinaryWriter writer, DatabaseCatalog catalog)
    {
        writer.Write7BitEncodedInt(catalog.Tables.Count);
        foreach (var table in catalog.Tables.Values)
        {
            WriteTable(writer, table);
        }

        writer.Write7BitEncodedInt(catalog.Indexes.Count);
        foreach (var index in catalog.Indexes.Values)
        {
            writer.Write(index.Name);
            writer.Write(index.Table);
            writer.Write(index.Unique);
            writer.Write(index.IsPrimaryKey);
            writer.Write7BitEncodedInt(index.Keys.Length);
            foreach (var key in index.Keys)
            {
                writer.Write7BitEncodedInt(key.Column);
                WriteExpression(writer, key.Expression);
                writer.Write(key.Descending);
            }

            writer.Write((byte)index.Method);
        }

        writer.Write7BitEncodedInt(catalog.Views.Count);
        foreach (var view in catalog.Views.Values)
        {
            writer.Write(view.Name);
            writer.Write(view.QueryText);
            WriteStrings(writer, view.ColumnNames);
        }
    }

    /// <summary>Reads a catalog written in snapshot <paramref name="format"/> (1: no index access method, all B-trees).</summary>
    public static DatabaseCatalog Read(BinaryReader reader, int format)
    {
        var catalog = DatabaseCatalog.Empty;
        for (var i = ReadCount(reader); i > 0; i--)
        {
            catalog = catalog.WithTable(ReadTable(reader));
        }

        for (var i = ReadCount(reader); i > 0; i--)
        {
            var name = reader.ReadString();
            var table = reader.ReadString();
            var unique = reader.ReadBoolean();
            var primaryKey = reader.ReadBoolean();
            var keys = ImmutableArray.CreateBuilder<IndexKeyPart>();
            for (var k = ReadCount(reader); k > 0; k--)
            {
                keys.Add(new IndexKeyPart(reader.Read7BitEncodedInt(), ReadExpression(reader), reader.ReadBoolean()));
            }

            var method = format >= 2 ? (IndexMethod)reader.ReadByte() : IndexMethod.BTree;
            if (!Enum.IsDefined(method))
            {
                throw new InvalidDataException($"index \"{name}\" has an unknown access method {(int)method}");
            }

            catalog = catalog.WithIndex(new IndexDef(name, table, keys.ToImmutable(), unique, primaryKey, method));
        }

        for (var i = ReadCount(reader); i > 0; i--)
        {
            catalog = catalog.WithView(new ViewDef(reader.ReadString(), reader.ReadString(), ReadStrings(reader)));
        }

        return catalog;
    }

    private static void WriteTable(BinaryWriter writer, TableDef table)
    {
        writer.Write(table.Name);
        writer.Write7BitEncodedInt(table.Columns.Length);
        foreach (var column in table.Columns)
        {
            writer.Write(column.Name);
            WriteType(writer, column.Type);
            writer.Write(column.NotNull);
            WriteExpression(writer, column.Default);
        }

        WriteInts(writer, table.PrimaryKey);
        writer.Write7BitEncodedInt(table.Checks.Length);
        foreach (var check in table.Checks)
        {
            writer.Write(check.Name);
            WriteExpression(writer, check.Expression);
        }

        writer.Write7BitEncodedInt(table.ForeignKeys.Length);
        foreach (var key in table.ForeignKeys)
        {
            writer.Write(key.Name);
            WriteInts(writer, key.Columns);
            writer.Write(key.ReferencedTable);
            WriteInts(writer, key.ReferencedColumns);
            writer.Write((byte)key.OnDelete);
        }
    }

    private static TableDef ReadTable(BinaryReader reader)
    {
        var name = reader.ReadString();
        var columnCount = ReadCount(reader);
        var columns = ImmutableArray.CreateBuilder<ColumnDef>(columnCount);
        for (var ordinal = 0; ordinal < columnCount; ordinal++)
        {
            columns.Add(new ColumnDef(reader.ReadString(), ordinal, ReadType(reader), reader.ReadBoolean(), ReadExpression(reader)));
        }

        var primaryKey = ReadInts(reader);
        var checks = ImmutableArray.CreateBuilder<CheckDef>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            checks.Add(new CheckDef(reader.ReadString(), ReadExpression(reader) ?? throw new InvalidDataException("CHECK constraint without expression in snapshot")));
        }

        var foreignKeys = ImmutableArray.CreateBuilder<ForeignKeyDef>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            foreignKeys.Add(new ForeignKeyDef(reader.ReadString(), ReadInts(reader), reader.ReadString(), ReadInts(reader), ReadAction(reader)));
        }

        return new TableDef(name, columns.ToImmutable(), primaryKey, checks.ToImmutable(), foreignKeys.ToImmutable());
    }

    private static ReferentialAction ReadAction(BinaryReader reader)
    {
        var action = (ReferentialAction)reader.ReadByte();
        return Enum.IsDefined(action) ? action : throw new InvalidDataException($"unknown ON DELETE action {(byte)action} in snapshot");
    }

    private static void WriteType(BinaryWriter writer, SqlType type)
    {
        writer.Write((byte)type.Kind);
        writer.Write7BitEncodedInt(type.Length ?? -1);
        writer.Write7BitEncodedInt(type.Precision ?? -1);
        writer.Write7BitEncodedInt(type.Scale ?? int.MinValue);
    }

    private static SqlType ReadType(BinaryReader reader)
    {
        var kind = (SqlTypeKind)reader.ReadByte();
        var length = reader.Read7BitEncodedInt();
        var precision = reader.Read7BitEncodedInt();
        var scale = reader.Read7BitEncodedInt();
        return kind switch
        {
            SqlTypeKind.VarChar when length >= 0 => SqlType.VarChar(length),
            SqlTypeKind.Char when length >= 0 => SqlType.Char(length),
            SqlTypeKind.Numeric when precision >= 0 => SqlType.NumericOf(precision, scale == int.MinValue ? 0 : scale),
            _ when Enum.IsDefined(kind) => SqlType.Of(kind),
            _ => throw new InvalidDataException($"unknown type kind {(byte)kind} in snapshot"),
        };
    }

    private static void WriteExpression(BinaryWriter writer, StoredExpression? expression) =>
        writer.Write(expression is null ? string.Empty : SqlFormatter.Format(expression.Syntax));

    private static StoredExpression? ReadExpression(BinaryReader reader)
    {
        var text = reader.ReadString();
        return text.Length == 0 ? null : new StoredExpression(SqlParser.ParseExpression(text));
    }

    private static void WriteInts(BinaryWriter writer, ImmutableArray<int> values)
    {
        writer.Write7BitEncodedInt(values.IsDefault ? 0 : values.Length);
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.Write7BitEncodedInt(value);
        }
    }

    private static ImmutableArray<int> ReadInts(BinaryReader reader)
    {
        var values = ImmutableArray.CreateBuilder<int>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            values.Add(reader.Read7BitEncodedInt());
        }

        return values.ToImmutable();
    }

    private static void WriteStrings(BinaryWriter writer, ImmutableArray<string> values)
    {
        writer.Write7BitEncodedInt(values.IsDefault ? 0 : values.Length);
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.Write(value);
        }
    }

    private static ImmutableArray<string> ReadStrings(BinaryReader reader)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            values.Add(reader.ReadString());
        }

        return values.ToImmutable();
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count is >= 0 and <= 1_000_000 ? count : throw new InvalidDataException($"impossible count {count} in snapshot");
    }
}
