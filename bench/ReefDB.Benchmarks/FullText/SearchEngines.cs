using Npgsql;
using ReefDB.Sql.Types;

namespace ReefDB.Benchmarks.FullText;

/// <summary>One engine under test: the same SQL text, with the tsquery text as parameter <c>$1</c>.</summary>
internal interface ISearchEngine : IDisposable
{
    string Name { get; }

    /// <summary>The server process that runs this engine's queries (its CPU time counts too); null when in-process.</summary>
    int? BackendPid { get; }

    /// <summary>Runs a statement without parameters (DDL, maintenance).</summary>
    void Execute(string sql);

    /// <summary>The single integer a counting query returns.</summary>
    long Count(string sql, string query);

    /// <summary>The (id, score) rows a top-k query returns, in order.</summary>
    IReadOnlyList<(long Id, double Score)> Top(string sql, string query);
}

/// <summary>ReefDB embedded, in memory, with statements prepared once (plans cached by the engine).</summary>
internal sealed class ReefSearch : ISearchEngine
{
    private readonly ReefDatabase database = ReefDatabase.OpenInMemory();
    private readonly Dictionary<string, ReefPreparedStatement> prepared = new(StringComparer.Ordinal);

    public string Name => "ReefDB";

    public int? BackendPid => null;

    public void Execute(string sql) => database.Execute(sql);

    public void Insert(IReadOnlyList<(int Id, string Body)> rows)
    {
        var sql = "INSERT INTO docs (id, body) VALUES " + string.Join(", ", rows.Select((_, i) => $"(${(2 * i) + 1}, ${(2 * i) + 2})"));
        var parameters = new SqlValue[rows.Count * 2];
        for (var i = 0; i < rows.Count; i++)
        {
            parameters[2 * i] = SqlValue.FromInt64(rows[i].Id);
            parameters[(2 * i) + 1] = SqlValue.FromText(rows[i].Body);
        }

        Statement(sql).Execute(parameters);
    }

    public long Count(string sql, string query) => Statement(sql).Execute([SqlValue.FromText(query)])[0].Rows[0][0].AsInt64;

    public IReadOnlyList<(long Id, double Score)> Top(string sql, string query) =>
        [.. Statement(sql).Execute([SqlValue.FromText(query)])[0].Rows.Select(r => (r[0].AsInt64, r[1].ToDouble()))];

    public void Dispose() => database.Dispose();

    private ReefPreparedStatement Statement(string sql)
    {
        if (!prepared.TryGetValue(sql, out var statement))
        {
            prepared[sql] = statement = database.Prepare(sql);
        }

        return statement;
    }
}

/// <summary>PostgreSQL through Npgsql over loopback TCP, one connection, statements prepared server-side.</summary>
internal sealed class PostgresSearch : ISearchEngine
{
    private readonly NpgsqlConnection connection;
    private readonly Dictionary<string, NpgsqlCommand> prepared = new(StringComparer.Ordinal);

    public PostgresSearch(string connectionString)
    {
        connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        BackendPid = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Name => "PostgreSQL";

    public int? BackendPid { get; }

    public void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Copy(IEnumerable<(int Id, string Body)> rows)
    {
        using var writer = connection.BeginBinaryImport("COPY docs (id, body) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, body) in rows)
        {
            writer.StartRow();
            writer.Write((long)id, NpgsqlTypes.NpgsqlDbType.Bigint);
            writer.Write(body, NpgsqlTypes.NpgsqlDbType.Text);
        }

        writer.Complete();
    }

    public long Count(string sql, string query)
    {
        var command = Command(sql, query);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<(long Id, double Score)> Top(string sql, string query)
    {
        var command = Command(sql, query);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, double)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public void Dispose()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        connection.Dispose();
    }

    private NpgsqlCommand Command(string sql, string? query)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = new NpgsqlCommand(sql, connection);
            if (query is not null)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = query });
            }

            command.Prepare();
            prepared[sql] = command;
        }

        if (query is not null)
        {
            command.Parameters[0].Value = query;
        }

        return command;
    }

    /// <summary>Mean time of a prepared <c>SELECT 1</c>: the loopback round trip every PostgreSQL query pays.</summary>
    public TimeSpan RoundTrip(int count)
    {
        var command = Command("SELECT 1", null);
        command.ExecuteScalar();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            command.ExecuteScalar();
        }

        return watch.Elapsed / count;
    }
}
