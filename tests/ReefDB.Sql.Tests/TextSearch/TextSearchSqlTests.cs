using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.TextSearch;

/// <summary>The text-search surface through SQL: types, casts, operators, functions and the setting.</summary>
public sealed class TextSearchSqlTests
{
    private readonly TestDatabase db = new();

    private string One(string sql) => Assert.Single(db.Rows(sql));

    [Fact]
    public void Vectors_and_queries_read_and_print_as_PostgreSQL()
    {
        Assert.Equal("'cat':1A 'fat':2", One("SELECT 'fat:2 cat:1A'::tsvector"));
        Assert.Equal("'fat' & 'rat'", One("SELECT 'fat & rat'::tsquery"));
        Assert.Equal("'fat':2 'rat':3", One("SELECT to_tsvector('english', 'The fat rats')"));
        Assert.Equal("'fat' & 'rat'", One("SELECT CAST('fat & rat' AS tsquery)::text"));
        Assert.Equal("42601", db.Error("SELECT $$'' '1' '2'$$::tsvector"));
    }

    [Fact]
    public void Match_operator_resolves_both_orders_and_text()
    {
        Assert.Equal("t|t|t|f", One(
            "SELECT to_tsvector('english', 'fat cats') @@ 'cat', 'cat'::tsquery @@ to_tsvector('english', 'fat cats'), " +
            "'fat cats ate rats' @@ 'cat & rat', 'fat cats'::text @@ to_tsquery('dog')"));
        Assert.Equal("t", One("SELECT 'a b'::tsvector @@@ 'a'"));
        Assert.Equal("42883", db.Error("SELECT 1 @@ 2"));
    }

    [Fact]
    public void Query_operators_build_the_trees_PostgreSQL_builds()
    {
        Assert.Equal("'a' & 'b'|'a' | 'b'|!'a'|'a' <-> 'b'|t|t", One(
            "SELECT 'a'::tsquery && 'b', 'a'::tsquery || 'b', !! 'a'::tsquery, 'a'::tsquery <-> 'b', " +
            "'a & b'::tsquery @> 'a', 'a'::tsquery <@ 'a & b'"));
        Assert.Equal("'a':1 'b':2", One("SELECT 'a:1'::tsvector || 'b:1'"));
        Assert.Equal("'a' <3> 'b'", One("SELECT tsquery_phrase('a', 'b', 3)"));
    }

    [Fact]
    public void Functions_answer_like_PostgreSQL()
    {
        Assert.Equal("3|'a' 'b' 'c'|'a':1A 'b':2A|3|'a' & 'b'", One(
            "SELECT length('a b c'::tsvector), strip('a:1 b:2 c:3'::tsvector), setweight('a:1 b:2'::tsvector, 'A'), " +
            "numnode('a & b'::tsquery), querytree('a & b'::tsquery)"));
        Assert.Equal("'suppli' & 'bolt' <-> 'nut'", One("SELECT websearch_to_tsquery('english', 'supplies \"bolts nuts\"')"));
        Assert.Equal("'fat' <-> 'rat'", One("SELECT phraseto_tsquery('english', 'fat rats')"));
        Assert.Equal("0.06079271", One("SELECT ts_rank(to_tsvector('english', 'a fat cat'), to_tsquery('cat'))"));
        Assert.Equal("0.1", One("SELECT ts_rank_cd(to_tsvector('english', 'a fat cat'), to_tsquery('cat'))"));
        Assert.Equal("0.01", One("SELECT ts_rank_cd('{0.01,0.2,0.4,1.0}', to_tsvector('english', 'a fat cat'), to_tsquery('cat'))"));
        Assert.Equal("a fat <b>cat</b>", One("SELECT ts_headline('english', 'a fat cat', to_tsquery('cat'))"));
        Assert.Equal("42704", db.Error("SELECT to_tsvector('klingon', 'x')"));
    }

    [Fact]
    public void Default_configuration_is_a_batch_setting()
    {
        Assert.Equal("'the':1", One("SET default_text_search_config = simple; SELECT to_tsvector('the')"));
        Assert.Equal("pg_catalog.simple", One("SET default_text_search_config = 'simple'; SHOW default_text_search_config"));

        // The next batch starts from its own setting again (english by default).
        Assert.Equal("", One("SELECT to_tsvector('the')::text"));
        Assert.Equal("pg_catalog.english", One("SHOW default_text_search_config"));
        Assert.Equal("english", One("SELECT get_current_ts_config()"));
        Assert.Equal("pg_catalog.simple|'the':1", One(
            "SELECT set_config('default_text_search_config', 'simple', false), to_tsvector('the')"));
        Assert.Equal("22023", db.Error("SET default_text_search_config = klingon"));
        Assert.Equal("'the':1", One("SET default_text_search_config = simple; RESET default_text_search_config; SET default_text_search_config TO simple; SELECT to_tsvector('the')"));
    }

    [Fact]
    public void Columns_store_compare_and_sort_text_search_values()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, v tsvector, q tsquery)");
        db.Exec("INSERT INTO docs VALUES (1, 'b:1', 'x & y'), (2, 'a:1', 'x'), (3, NULL, NULL)");
        Assert.Equal(["2|'a':1", "1|'b':1", "3|NULL"], db.Rows("SELECT id, v FROM docs ORDER BY v"));
        Assert.Equal(["1"], db.Rows("SELECT id FROM docs WHERE v = 'b:1'::tsvector"));
        Assert.Equal(["2", "1"], db.Rows("SELECT id FROM docs WHERE q IS NOT NULL ORDER BY q"));
        Assert.Equal(["'a':1", "'b':1"], db.Rows("SELECT DISTINCT v FROM docs WHERE v IS NOT NULL ORDER BY 1"));
    }
}
