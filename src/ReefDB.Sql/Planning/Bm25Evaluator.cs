using ReefDB.FullText;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Types;
using SqlStates = ReefDB.Sql.Errors.SqlStates;

namespace ReefDB.Sql.Planning;

/// <summary>
/// Evaluates <see cref="BoundBm25"/>: Okapi BM25 of a document for a query, with the collection figures of
/// the GIN index the binder found (all replicated state, so every replica scores alike):
/// <c>Σ idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl))</c> over the query's positive terms, with
/// <c>idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))</c>. N counts rows with a non-NULL indexed vector,
/// df the rows holding the term (any lexeme with the prefix, for <c>t:*</c>), tf and |d| count positions
/// (a lexeme without positions counts once). Weight restrictions do not change scores.
/// </summary>
internal static class Bm25Evaluator
{
    public const double DefaultK1 = 1.2;
    public const double DefaultB = 0.75;

    public static Evaluator Compile(BoundBm25 call, Evaluator[] arguments)
    {
        var cache = new CollectionCache(call.Table, call.Index);
        return (row, ctx) =>
        {
            var document = arguments[0](row, ctx);
            var query = arguments[1](row, ctx);
            var k1 = arguments.Length > 2 ? arguments[2](row, ctx) : SqlValue.FromDouble(DefaultK1);
            var b = arguments.Length > 3 ? arguments[3](row, ctx) : SqlValue.FromDouble(DefaultB);
            if (document.IsNull || query.IsNull || k1.IsNull || b.IsNull)
            {
                return SqlValue.Null;
            }

            var (k, bValue) = (k1.ToDouble(), b.ToDouble());
            if (!(k >= 0) || !(bValue is >= 0 and <= 1))
            {
                throw new SqlException(SqlStates.InvalidParameterValue, "bm25 needs k1 >= 0 and b between 0 and 1");
            }

            var collection = cache.For(ctx.Version, (TsQuery)query.AsPayload);
            return SqlValue.FromDouble(Score((TsVector)document.AsPayload, collection, k, bValue));
        };
    }

    /// <summary>The score of one document given the collection figures for the query's terms.</summary>
    internal static double Score(TsVector document, Collection collection, double k1, double b)
    {
        var length = GinEntries.DocumentLength(document);
        var relativeLength = collection.AverageLength > 0 ? length / collection.AverageLength : 1;
        double score = 0;
        for (var i = 0; i < collection.Terms.Count; i++)
        {
            var tf = document.Occurrences(collection.Terms[i]);
            if (tf == 0)
            {
                continue;
            }

            var df = collection.DocumentFrequencies[i];
            var idf = Math.Log(1 + ((collection.Documents - df + 0.5) / (df + 0.5)));
            score += idf * tf * (k1 + 1) / (tf + (k1 * (1 - b + (b * relativeLength))));
        }

        return score;
    }

    /// <summary>Collection figures for one query: N, avgdl, and df per positive term.</summary>
    internal sealed record Collection(long Documents, double AverageLength, IReadOnlyList<TsQueryTerm> Terms, long[] DocumentFrequencies);

    /// <summary>
    /// Figures computed once per (index state, query) rather than per row. Plans are shared between threads:
    /// the last result is one immutable object swapped atomically, and recomputing it is harmless.
    /// </summary>
    private sealed class CollectionCache(string table, string index)
    {
        private Entry? last;

        public Collection For(DatabaseVersion version, TsQuery query)
        {
            var data = version.Data(table).Index(index);
            if (Volatile.Read(ref last) is { } cached && ReferenceEquals(cached.Index, data) && cached.Query.Equals(query))
            {
                return cached.Collection;
            }

            var collection = Compute(data, query);
            Volatile.Write(ref last, new Entry(data, query, collection));
            return collection;
        }

        private sealed record Entry(IndexData Index, TsQuery Query, Collection Collection);

        private static Collection Compute(IndexData data, TsQuery query)
        {
            var statistics = data.Gin ?? new GinStatistics(0, 0);
            var terms = query.PositiveTerms();
            var frequencies = new long[terms.Count];
            for (var i = 0; i < terms.Count; i++)
            {
                frequencies[i] = DocumentFrequency(data.Entries, terms[i]);
            }

            var average = statistics.Documents > 0 ? (double)statistics.TotalLength / statistics.Documents : 0;
            return new Collection(statistics.Documents, average, terms, frequencies);
        }

        private static long DocumentFrequency(RowTree entries, TsQueryTerm term)
        {
            if (!term.Prefix)
            {
                // One posting per row: the range's size, counted by the tree without walking it.
                var lexeme = new[] { SqlValue.FromText(term.Lexeme) };
                return entries.CountRange(RowKey.Before(lexeme), RowKey.After(lexeme));
            }

            // Several lexemes with the prefix may come from one row: count rows once.
            var rows = new SortedSet<RowKey>(RowKeyComparer.Ascending);
            foreach (var storageKey in GinScanNode.Postings(entries, term))
            {
                rows.Add(new RowKey(storageKey));
            }

            return rows.Count;
        }
    }
}
