using ReefDB.Sql.Binding;

namespace ReefDB.Sql.Planning;

/// <summary>Where each column of a plan node's output row sits.</summary>
internal sealed class Layout
{
    private readonly Dictionary<ColumnId, int> positions;

    public Layout(IReadOnlyList<ColumnId> columns)
    {
        Width = columns.Count;
        positions = new Dictionary<ColumnId, int>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            positions.TryAdd(columns[i], i);
        }
    }

    private Layout(Dictionary<ColumnId, int> positions, int width)
    {
        this.positions = positions;
        Width = width;
    }

    public static Layout Empty { get; } = new([]);

    public int Width { get; }

    public bool Contains(ColumnId id) => positions.ContainsKey(id);

    public int IndexOf(ColumnId id) => positions.TryGetValue(id, out var i) ? i : -1;

    public static Layout ForSource(int sourceId, int width) =>
        new(Enumerable.Range(0, width).Select(i => new ColumnId(sourceId, i)).ToList());

    /// <summary>The layout of a concatenated row: <paramref name="left"/>'s columns, then <paramref name="right"/>'s.</summary>
    public static Layout Concat(Layout left, Layout right)
    {
        var map = new Dictionary<ColumnId, int>(left.positions);
        foreach (var (id, i) in right.positions)
        {
            map.TryAdd(id, left.Width + i);
        }

        return new Layout(map, left.Width + right.Width);
    }

    /// <summary>Adds aliases: <paramref name="id"/> also reads position <paramref name="position"/>.</summary>
    public Layout WithAlias(ColumnId id, int position)
    {
        var map = new Dictionary<ColumnId, int>(positions) { [id] = position };
        return new Layout(map, Width);
    }
}
