using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Execution;

/// <summary>An engine plus the current version: runs SQL like a session would, for engine tests.</summary>
internal sealed class TestDatabase
{
    private readonly SqlEngine engine = new();

    public DatabaseVersion Version { get; private set; } = DatabaseVersion.Empty;

    public BatchOutcome Run(string sql, params SqlValue[] parameters)
    {
        var outcome = engine.Execute(Version, engine.Prepare(sql), parameters, ExecutionEnvironment.Default);
        Version = outcome.Version;
        return outcome;
    }

    /// <summary>Runs statements that must all succeed.</summary>
    public void Exec(string sql)
    {
        var outcome = Run(sql);
        var error = outcome.Results.FirstOrDefault(r => r.IsError)?.Error;
        Assert.True(error is null, $"{error?.SqlState}: {error?.Message}");
    }

    /// <summary>The rows of the last statement, each as values joined by '|', NULL as "NULL".</summary>
    public List<string> Rows(string sql, params SqlValue[] parameters)
    {
        var outcome = Run(sql, parameters);
        var last = outcome.Results[^1];
        Assert.True(!last.IsError, $"{last.Error?.SqlState}: {last.Error?.Message}");
        return last.Rows.Select(r => string.Join("|", r.Select(v => v.IsNull ? "NULL" : v.FormatText()))).ToList();
    }

    /// <summary>The SQLSTATE of the last statement's error (fails when it succeeded).</summary>
    public string Error(string sql)
    {
        var last = Run(sql).Results[^1];
        Assert.True(last.IsError, "expected an error");
        return last.Error!.SqlState;
    }
}
