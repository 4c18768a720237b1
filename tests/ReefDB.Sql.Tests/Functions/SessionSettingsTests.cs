using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Functions;

/// <summary>
/// SET inside a transaction block is undone by ROLLBACK (and ROLLBACK TO), and SET LOCAL lasts until the
/// transaction ends, as in PostgreSQL 15 (which printed the values below for the same scripts), issue 6.
/// </summary>
public sealed class SessionSettingsTests
{
    /// <summary>The values the batch's SHOW and current_setting statements printed, in order.</summary>
    private static List<string> Shown(string sql)
    {
        var outcome = new TestDatabase().Run(sql);
        Assert.All(outcome.Results, r => Assert.False(r.IsError && r.Error!.SqlState != "22012", r.Error?.Message));
        return [.. outcome.Results.Where(r => r.ReturnsRows).Select(r => r.Rows[0][^1].FormatText()!)];
    }

    [Fact]
    public void Rollback_undoes_set_and_commit_keeps_it()
    {
        Assert.Equal(
            ["pg_catalog.english", "pg_catalog.simple"],
            Shown("""
                BEGIN; SET default_text_search_config = simple; ROLLBACK; SHOW default_text_search_config;
                BEGIN; SET default_text_search_config = simple; COMMIT; SHOW default_text_search_config;
                """));
    }

    [Fact]
    public void A_failed_block_rolls_its_settings_back_even_at_commit()
    {
        Assert.Equal(
            ["pg_catalog.english"],
            Shown("BEGIN; SET default_text_search_config = simple; SELECT 1/0; COMMIT; SHOW default_text_search_config"));
    }

    [Fact]
    public void Rollback_to_savepoint_undoes_the_sets_after_it()
    {
        Assert.Equal(
            ["pg_catalog.english", "pg_catalog.simple"],
            Shown("""
                BEGIN; SAVEPOINT a; SET default_text_search_config = simple; ROLLBACK TO a; SHOW default_text_search_config;
                SET default_text_search_config = simple; RELEASE a; COMMIT; SHOW default_text_search_config;
                """));
    }

    [Fact]
    public void Set_local_lasts_until_the_transaction_ends()
    {
        Assert.Equal(
            ["pg_catalog.simple", "pg_catalog.english", "pg_catalog.english"],
            Shown("""
                BEGIN; SET LOCAL default_text_search_config = simple; SHOW default_text_search_config; COMMIT;
                SHOW default_text_search_config;
                BEGIN; SET LOCAL default_text_search_config = simple; SET default_text_search_config = simple;
                SET default_text_search_config = english; SET LOCAL default_text_search_config = simple; COMMIT;
                SHOW default_text_search_config;
                """));
    }

    [Fact]
    public void Local_settings_outside_a_block_last_one_statement()
    {
        Assert.Equal(
            ["pg_catalog.english", "pg_catalog.simple", "pg_catalog.english"],
            Shown("""
                SET LOCAL default_text_search_config = simple; SHOW default_text_search_config;
                SELECT set_config('default_text_search_config', 'simple', true), current_setting('default_text_search_config');
                SHOW default_text_search_config;
                """));
    }
}
