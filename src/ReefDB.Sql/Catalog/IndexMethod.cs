namespace ReefDB.Sql.Catalog;

/// <summary>How an index stores its entries (PostgreSQL's access method, <c>CREATE INDEX … USING</c>).</summary>
internal enum IndexMethod
{
    /// <summary>Ordered keys: equality, ranges, ordering, uniqueness.</summary>
    BTree = 0,

    /// <summary>Inverted index over a tsvector: one entry per (lexeme, row), for <c>@@</c>.</summary>
    Gin = 1,
}
