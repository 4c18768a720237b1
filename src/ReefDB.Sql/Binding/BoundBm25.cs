using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

/// <summary>
/// <c>bm25(document, query [, k1, b])</c>, ReefDB's relevance function: <paramref name="Document"/> is the key
/// of GIN index <paramref name="Index"/> on <paramref name="Table"/>, whose replicated statistics (document
/// count, total length, per-lexeme postings) supply the collection figures. Evaluated by
/// <see cref="Planning.Bm25Evaluator"/>, which reads them from the version the statement runs on.
/// </summary>
internal sealed record BoundBm25(string Table, string Index, BoundExpr Document, BoundExpr Query, BoundExpr? K1, BoundExpr? B)
    : BoundExpr(SqlType.Double)
{
    public override IEnumerable<BoundExpr> Children =>
        K1 is null ? [Document, Query] : B is null ? [Document, Query, K1] : [Document, Query, K1, B];
}
