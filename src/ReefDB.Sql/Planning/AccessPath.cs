using ReefDB.Sql.Binding;
using ReefDB.Sql.Catalog;

namespace ReefDB.Sql.Planning;

/// <summary>
/// A way to read a table through an index: the bound expressions that give equal values for a key
/// prefix, an optional range on the next key part (or IN-list items), which conjuncts it answers
/// completely, and its estimated row count.
/// </summary>
internal sealed record AccessPath(
    IndexDef Index,
    List<BoundExpr> Equal,
    BoundExpr? Lower,
    bool LowerInclusive,
    BoundExpr? Upper,
    bool UpperInclusive,
    List<BoundExpr>? InItems,
    HashSet<BoundExpr> Consumed,
    double Rows);
