namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>What a statement produced in one engine: rows as text (NULL as "NULL"), or an error.</summary>
internal sealed record FuzzOutcome(IReadOnlyList<string>? Rows, string? ErrorCode, string? ErrorMessage, long RowsAffected = 0)
{
    public bool IsError => ErrorCode is not null;

    /// <summary>Errors that depend on data and evaluation order (division by zero, overflow, cardinality):
    /// engines and plans may legitimately differ on whether they happen, as PostgreSQL does not fix evaluation order.</summary>
    public bool IsDataError => ErrorCode is { } code && (code.StartsWith("22", StringComparison.Ordinal) || code == "21000");

    public static FuzzOutcome Failed(string code, string message) => new(null, code, message);

    public static string FormatRow(IEnumerable<string> values) => string.Join("|", values);

    /// <summary>The rows in a canonical order when the statement's order is not fixed by ORDER BY.</summary>
    public IReadOnlyList<string> Canonical(bool ordered) =>
        ordered ? Rows! : Rows!.Order(StringComparer.Ordinal).ToList();

    public override string ToString() =>
        IsError ? $"error {ErrorCode}: {ErrorMessage}" : $"{Rows!.Count} rows:\n  " + string.Join("\n  ", Rows!.Take(30)) + (Rows!.Count > 30 ? "\n  …" : string.Empty);
}
