namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>The three databases of a case (ReefDB plain, ReefDB indexed, SQLite) and the checks across them.</summary>
internal sealed class FuzzDatabases : IDisposable
{
    private readonly ReefFuzzDatabase plain;
    private readonly ReefFuzzDatabase indexed;
    private readonly SqliteFuzzDatabase sqlite = new();
    private readonly FuzzLog log;
    private readonly FuzzStats stats;

    private FuzzDatabases(FuzzSchema schema, FuzzTrace trace)
    {
        stats = trace.Stats;
        Schema = schema;
        trace.Schema = schema;
        plain = new ReefFuzzDatabase(trace);
        indexed = new ReefFuzzDatabase(trace);
        log = new FuzzLog(schema);
    }

    public FuzzSchema Schema { get; }

    public static FuzzDatabases Create(Random random, FuzzTrace trace)
    {
        var databases = new FuzzDatabases(FuzzSchema.Generate(random), trace);
        foreach (var sql in databases.Schema.CreateStatements)
        {
            databases.Setup(databases.plain.Run(sql), sql);
            databases.Setup(databases.indexed.Run(sql), sql);
            databases.Setup(databases.sqlite.Run(sql), sql);
        }

        foreach (var sql in databases.Schema.IndexStatements)
        {
            databases.Setup(databases.indexed.Run(sql), sql);
        }

        return databases;
    }

    public void CheckQuery(GeneratedQuery query)
    {
        var sql = query.Sql;
        var a = plain.Run(sql);
        var b = indexed.Run(sql);
        if (a.IsError)
        {
            stats.Count("query error " + a.ErrorCode, $"{sql} -- {a.ErrorMessage}");
        }
        else
        {
            stats.Count("query ok");
        }

        if (a.IsDataError || b.IsDataError)
        {
            return;
        }

        if (a.IsError || b.IsError)
        {
            if (a.ErrorCode != b.ErrorCode)
            {
                throw log.Failure("the indexed copy disagrees on the error", sql, ("without indexes", a), ("with indexes", b));
            }
        }
        else if (!a.Canonical(query.Ordered).SequenceEqual(b.Canonical(query.Ordered)))
        {
            throw log.Failure("indexes changed the result", sql, ("without indexes", a), ("with indexes", b));
        }

        if (!query.SqliteComparable)
        {
            return;
        }

        var model = sqlite.Run(sql);
        if (model.IsError)
        {
            stats.Count("sqlite error", $"{sql} -- {model.ErrorMessage}");
        }
        else
        {
            stats.Count(a.IsError ? "sqlite ok, reef error" : "compared with sqlite");
        }

        if (model.IsError)
        {
            return;
        }

        if (a.IsError)
        {
            throw log.Failure("ReefDB rejected a query that SQLite answers", sql, ("ReefDB", a), ("SQLite", model));
        }

        if (!a.Canonical(query.Ordered).SequenceEqual(model.Canonical(query.Ordered)))
        {
            throw log.Failure("ReefDB and SQLite disagree", sql, ("ReefDB", a), ("SQLite", model));
        }
    }

    /// <summary>Rows where p, where NOT p and where p IS NULL together are the rows without a filter (TLP).</summary>
    public void CheckPartitions(string select, string predicate)
    {
        foreach (var (who, database) in new[] { ("without indexes", plain), ("with indexes", indexed) })
        {
            var all = database.Run(select);
            var parts = new[] { $"({predicate})", $"(NOT ({predicate}))", $"(({predicate}) IS NULL)" }
                .Select(p => database.Run($"{select} WHERE {p}")).ToList();
            if (all.IsError || parts.Any(p => p.IsError))
            {
                var error = all.IsError ? all : parts.First(p => p.IsError);
                if (error.IsDataError)
                {
                    return;
                }

                throw log.Failure($"a partition query failed ({who})", $"{select} WHERE {predicate}", (who, error));
            }

            stats.Count("partitions checked");
            var union = parts.SelectMany(p => p.Rows!).Order(StringComparer.Ordinal).ToList();
            if (!union.SequenceEqual(all.Canonical(false)))
            {
                var partsOutcome = new FuzzOutcome(union, null, null);
                throw log.Failure($"the partitions by WHERE p / NOT p / p IS NULL are not the whole ({who})", $"{select} WHERE {predicate}", ("unfiltered", all), ("union of the partitions", partsOutcome));
            }
        }
    }

    /// <summary>Applies a write to all three; false when they diverged for a legitimate reason (stop the case).</summary>
    public bool CheckWrite(string sql)
    {
        var a = plain.Run(sql);
        var b = indexed.Run(sql);
        log.Add(sql);
        if (a.IsError)
        {
            stats.Count("write error " + a.ErrorCode, $"{sql} -- {a.ErrorMessage}");
        }
        else
        {
            stats.Count("write ok");
        }

        if (a.IsError != b.IsError)
        {
            if (a.IsDataError || b.IsDataError)
            {
                return false;
            }

            throw log.Failure("the indexed copy disagrees on whether the write fails", sql, ("without indexes", a), ("with indexes", b));
        }

        if (!a.IsError && (a.RowsAffected != b.RowsAffected || !a.Canonical(false).SequenceEqual(b.Canonical(false))))
        {
            throw log.Failure("indexes changed the outcome of a write", sql, ("without indexes", a), ("with indexes", b));
        }

        sqlite.Run("SAVEPOINT w");
        var model = sqlite.Run(sql);
        if (a.IsError)
        {
            sqlite.Run("ROLLBACK TO w");
        }

        sqlite.Run("RELEASE w");
        if (model.IsError != a.IsError && !a.IsDataError)
        {
            throw log.Failure(a.IsError ? "ReefDB rejected a write that SQLite applies" : "ReefDB applied a write that SQLite rejects", sql, ("ReefDB", a), ("SQLite", model));
        }

        if (!a.IsError && !a.Canonical(false).SequenceEqual(model.Canonical(false)))
        {
            throw log.Failure("the write returned other rows than SQLite", sql, ("ReefDB", a), ("SQLite", model));
        }

        foreach (var table in Schema.Tables)
        {
            var contents = $"SELECT * FROM {table.Name} ORDER BY id";
            var p = plain.Run(contents);
            var i = indexed.Run(contents);
            var m = sqlite.Run(contents);
            if (!p.Rows!.SequenceEqual(i.Rows!) || !p.Rows!.SequenceEqual(m.Rows!))
            {
                throw log.Failure($"contents of {table.Name} differ after the write", sql, ("ReefDB without indexes", p), ("ReefDB with indexes", i), ("SQLite", m));
            }
        }

        return true;
    }

    public void Dispose() => sqlite.Dispose();

    private void Setup(FuzzOutcome outcome, string sql)
    {
        if (outcome.IsError)
        {
            throw log.Failure("a setup statement failed", sql, ("outcome", outcome));
        }
    }
}
