using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.LogicTest;

/// <summary>
/// Runs the records of one file, in order, against one session and judges each: the per-file state of
/// FORMAT.wiki (hash threshold, labels, halt) lives here. Not thread-safe: one file, one thread.
/// </summary>
internal sealed class RecordChecker(ISqlSession session, IReadOnlySet<string> engineNames)
{
    /// <summary>The README's default; only the way a result is *written* depends on it, since a result
    /// given as a hash line is always compared as a hash and a listed one value by value.</summary>
    public const int DefaultHashThreshold = 8;

    private readonly Dictionary<string, (string Md5, int Line)> labels = new(StringComparer.Ordinal);

    /// <summary>The current <c>hash-threshold</c>.</summary>
    public int HashThreshold { get; private set; } = DefaultHashThreshold;

    /// <summary>True once a <c>halt</c> that applies was seen: the rest of the file is ignored.</summary>
    public bool Halted { get; private set; }

    /// <summary>Runs one record; null for records that are not counted (control records, or anything
    /// after a halt).</summary>
    public RecordVerdict? Check(LogicTestRecord record, CancellationToken cancellationToken)
    {
        if (Halted)
        {
            return null;
        }

        if (!record.AppliesTo(engineNames))
        {
            return record.IsCounted ? RecordVerdict.Skip(record) : null;
        }

        switch (record)
        {
            case HaltRecord:
                Halted = true;
                return null;
            case HashThresholdRecord threshold:
                HashThreshold = threshold.Threshold;
                return null;
            case StatementRecord statement:
                return CheckStatement(statement, cancellationToken);
            case QueryRecord query:
                return CheckQuery(query, cancellationToken);
            default:
                return RecordVerdict.Fail(record, "unknown record: " + ((record as UnknownRecord)?.Text ?? record.GetType().Name));
        }
    }

    private RecordVerdict CheckStatement(StatementRecord record, CancellationToken cancellationToken)
    {
        var (_, error) = Execute(record.Sql, cancellationToken);
        if (!record.ExpectError)
        {
            return error is null ? RecordVerdict.Pass(record) : Failed(record, "statement failed", error);
        }

        if (error is null)
        {
            return RecordVerdict.Fail(record, "statement succeeded, but the file expects an error");
        }

        // An engine bug is not the error the file expects, even where an error is expected.
        return error.SqlState == SqlError.InternalErrorState
            ? Failed(record, "internal error instead of the expected SQL error", error)
            : RecordVerdict.Pass(record);
    }

    private RecordVerdict CheckQuery(QueryRecord record, CancellationToken cancellationToken)
    {
        var (outcome, error) = Execute(record.Sql, cancellationToken);
        if (error is not null)
        {
            return Failed(record, "query failed", error);
        }

        if (outcome is not { Columns: { } columns })
        {
            return RecordVerdict.Fail(record, "the query returned no result set");
        }

        if (columns.Count != record.Types.Length)
        {
            return RecordVerdict.Fail(record, $"the file expects {record.Types.Length} columns, the query returned {columns.Count}");
        }

        var values = PrintSorted(record, outcome.Rows);
        string? md5 = record.ExpectedHash is not null || record.Label is not null ? ResultHasher.Md5(values) : null;
        var passed = Matches(record, values, md5);

        // Files written by the C reference print each byte beyond ASCII as '@' (and sort that form).
        if (!passed && values.Any(ResultPrinter.HasNonAscii))
        {
            var masked = PrintSorted(record, outcome.Rows, maskNonAscii: true);
            passed = Matches(record, masked, record.ExpectedHash is null ? null : ResultHasher.Md5(masked));
        }
        if (!passed)
        {
            return new RecordVerdict(VerdictKind.Failed, record)
            {
                Reason = "wrong result",
                Expected = record.ExpectedHash is { } h ? [h.ToString()] : record.ExpectedValues,
                Actual = record.ExpectedHash is null ? values : [new HashedResult(values.Length, md5!).ToString(), .. values],
            };
        }

        if (record.Label is { } label)
        {
            if (labels.TryGetValue(label, out var first))
            {
                if (!string.Equals(first.Md5, md5, StringComparison.Ordinal))
                {
                    return RecordVerdict.Fail(record, $"result differs from the one of label {label} at line {first.Line}");
                }
            }
            else
            {
                // Only a result that matched its own expectation becomes the label's reference.
                labels.Add(label, (md5!, record.Line));
            }
        }

        return RecordVerdict.Pass(record);
    }

    private static bool Matches(QueryRecord record, string[] values, string? md5) => record.ExpectedHash is { } hash
        ? hash.ValueCount == values.Length && string.Equals(hash.Md5, md5, StringComparison.Ordinal)
        : SameValues(record.ExpectedValues, values);

    /// <summary>
    /// The printed values in comparison order (FORMAT.wiki sort modes, ordinal order), with characters beyond
    /// ASCII as the C reference prints them when <paramref name="maskNonAscii"/>.
    /// </summary>
    internal static string[] PrintSorted(QueryRecord record, IReadOnlyList<object?[]> rows, bool maskNonAscii = false)
    {
        var width = record.Types.Length;
        var printedRows = new string[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            var printed = new string[width];
            for (var c = 0; c < width; c++)
            {
                printed[c] = ResultPrinter.Print(rows[r][c], record.Types[c]);
                if (maskNonAscii)
                {
                    printed[c] = ResultPrinter.MaskNonAscii(printed[c]);
                }
            }

            printedRows[r] = printed;
        }

        if (record.Sort == SortMode.RowSort)
        {
            Array.Sort(printedRows, CompareRows);
        }

        var values = new string[rows.Count * width];
        for (var r = 0; r < printedRows.Length; r++)
        {
            printedRows[r].CopyTo(values, r * width);
        }

        if (record.Sort == SortMode.ValueSort)
        {
            Array.Sort(values, StringComparer.Ordinal);
        }

        return values;
    }

    private static int CompareRows(string[] left, string[] right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            var order = string.CompareOrdinal(left[i], right[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>Value-by-value equality; trailing blanks do not count (editors strip them from files).</summary>
    private static bool SameValues(IReadOnlyList<string> expected, string[] actual)
    {
        if (expected.Count != actual.Length)
        {
            return false;
        }

        for (var i = 0; i < actual.Length; i++)
        {
            if (!string.Equals(expected[i], actual[i], StringComparison.Ordinal) &&
                !expected[i].AsSpan().TrimEnd().SequenceEqual(actual[i].AsSpan().TrimEnd()))
            {
                return false;
            }
        }

        return true;
    }

    private (StatementOutcome? Last, SqlError? Error) Execute(string sql, CancellationToken cancellationToken)
    {
        StatementOutcome? last = null;
        try
        {
            foreach (var outcome in session.Execute(sql, cancellationToken))
            {
                if (outcome.Error is { } error)
                {
                    return (outcome, error);
                }

                last = outcome;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, new SqlError(SqlError.InternalErrorState, $"{e.GetType().Name}: {e.Message}"));
        }

        return (last, null);
    }

    private static RecordVerdict Failed(LogicTestRecord record, string reason, SqlError error) =>
        new(VerdictKind.Failed, record) { Reason = reason, Actual = [error.Display()] };
}
