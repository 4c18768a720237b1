using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Execution;
using ReefDB.Storage.Snapshots;

namespace ReefDB.Sql.Snapshots;

/// <summary>
/// Writes a <see cref="DatabaseVersion"/> to a stream and restores one from it: the state a Raft snapshot
/// carries (DESIGN.md §3, §5).
/// </summary>
/// <remarks>
/// <para>Format 1 (little-endian): magic <c>REEFSNAP</c>, format version (u16), version number (i64); the
/// catalog; for each table in name order: its name, next row id, its row tree and each index tree (name,
/// distinct count, entries) through <see cref="TreeSnapshot"/>; then <c>SNAPEND!</c> and the XxHash3 of
/// every byte before it. Indexes are stored rather than rebuilt, so restoring costs one pass and never
/// re-evaluates index expressions.</para>
/// <para>Writing reads an immutable version, so it may run on a background thread while newer versions
/// are applied. Reading builds a new version: a corrupt or truncated stream raises
/// <see cref="SqlException"/> with <see cref="SqlStates.DataCorrupted"/> and nothing else changes.</para>
/// </remarks>
public static class DatabaseSnapshot
{
    // Format 2 adds the index access method (catalog) and the GIN statistics (index data); format 1 is still read.
    private const ushort FormatVersion = 2;
    private static readonly byte[] Magic = "REEFSNAP"u8.ToArray();
    private static readonly byte[] EndMagic = "SNAPEND!"u8.ToArray();

    /// <summary>Writes <paramref name="version"/> to <paramref name="stream"/>.</summary>
    public static void Write(DatabaseVersion version, Stream stream)
    {
        var hashing = new HashingStream(stream, writing: true);
        using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(version.Number);
            CatalogCodec.Write(writer, version.Catalog);
            foreach (var (name, data) in version.Tables)
            {
                writer.Write(name);
                writer.Write(data.NextRowId);
                writer.Flush();
                TreeSnapshot.Write(hashing, data.Rows.Tree, RowEntryCodec.Instance);
                writer.Write7BitEncodedInt(data.Indexes.Count);
                foreach (var (indexName, index) in data.Indexes)
                {
                    writer.Write(indexName);
                    writer.Write(index.DistinctLeading);
                    if (index.Gin is { } gin)
                    {
                        writer.Write(gin.Documents);
                        writer.Write(gin.TotalLength);
                    }

                    writer.Flush();
                    TreeSnapshot.Write(hashing, index.Entries.Tree, RowEntryCodec.Instance);
                }
            }

            writer.Write(EndMagic);
        }

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, hashing.CurrentHash);
        stream.Write(trailer);
    }

    /// <summary>Restores a version written by <see cref="Write"/>.</summary>
    /// <exception cref="SqlException"><see cref="SqlStates.DataCorrupted"/> when the stream is corrupt,
    /// truncated, or of an unknown format, or the stream itself failed.</exception>
    public static DatabaseVersion Read(Stream stream)
    {
        try
        {
            return ReadVerified(stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or SqlException or ArgumentException or OverflowException)
        {
            throw new SqlException(SqlStates.DataCorrupted, $"database snapshot is corrupt or truncated: {e.Message}");
        }
    }

    private static DatabaseVersion ReadVerified(Stream stream)
    {
        var hashing = new HashingStream(stream, writing: false);
        DatabaseVersion version;
        using (var reader = new BinaryReader(hashing, Encoding.UTF8, leaveOpen: true))
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("not a ReefDB database snapshot");
            }

            var format = reader.ReadUInt16();
            if (format is < 1 or > FormatVersion)
            {
                throw new InvalidDataException($"snapshot format {format} is not supported by this binary (it reads formats 1 to {FormatVersion})");
            }

            var number = reader.ReadInt64();
            var catalog = CatalogCodec.Read(reader, format);
            var tables = ImmutableSortedDictionary.CreateBuilder<string, TableData>(StringComparer.Ordinal);
            foreach (var table in catalog.Tables.Values)
            {
                tables.Add(table.Name, ReadTable(reader, hashing, catalog, table));
            }

            if (!reader.ReadBytes(EndMagic.Length).AsSpan().SequenceEqual(EndMagic))
            {
                throw new InvalidDataException("snapshot does not end where its catalog says");
            }

            version = new DatabaseVersion(number, catalog, tables.ToImmutable());
        }

        var computed = hashing.CurrentHash;
        Span<byte> trailer = stackalloc byte[8];
        stream.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt64LittleEndian(trailer) == computed
            ? version
            : throw new InvalidDataException("snapshot checksum mismatch");
    }

    private static TableData ReadTable(BinaryReader reader, Stream stream, DatabaseCatalog catalog, TableDef table)
    {
        var name = reader.ReadString();
        if (!string.Equals(name, table.Name, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"expected the rows of table \"{table.Name}\", found \"{name}\"");
        }

        var nextRowId = reader.ReadInt64();
        var rows = RowTree.FromTree(TreeSnapshot.Read(stream, RowKeyComparer.Ascending, RowEntryCodec.Instance));
        var indexes = ImmutableSortedDictionary.CreateBuilder<string, IndexData>(StringComparer.Ordinal);
        var indexCount = reader.Read7BitEncodedInt();
        // A primary key index is the row tree itself; every other index has a tree of its own.
        var expected = catalog.IndexesOf(table.Name).Where(i => !i.IsPrimaryKey).ToDictionary(i => i.Name, StringComparer.Ordinal);
        if (indexCount != expected.Count)
        {
            throw new InvalidDataException($"table \"{table.Name}\" has {expected.Count} indexes in the catalog, {indexCount} in the data");
        }

        for (var i = 0; i < indexCount; i++)
        {
            var indexName = reader.ReadString();
            var distinct = reader.ReadInt64();
            if (!expected.TryGetValue(indexName, out var definition))
            {
                throw new InvalidDataException($"index \"{indexName}\" of table \"{table.Name}\" is not in the catalog");
            }

            GinStatistics? gin = definition.IsGin ? new GinStatistics(reader.ReadInt64(), reader.ReadInt64()) : null;
            var comparer = new RowKeyComparer([.. definition.Keys.Select(k => k.Descending)]);
            indexes.Add(indexName, new IndexData(RowTree.FromTree(TreeSnapshot.Read(stream, comparer, RowEntryCodec.Instance)), distinct, gin));
        }

        return new TableData(rows, indexes.ToImmutable(), nextRowId);
    }
}
