using ReefDB.Sql.Errors;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.StateMachine.Tests;

public sealed class ReefStateMachineTests
{
    private static ReefStateMachine WithAccounts()
    {
        var machine = new ReefStateMachine();
        machine.Apply(1, Batches.Of("CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL CHECK (balance >= 0))"));
        machine.Apply(2, Batches.Of("INSERT INTO accounts VALUES (1, 100), (2, 50)"));
        return machine;
    }

    [Fact]
    public void Apply_publishes_the_new_state_at_the_entry_index()
    {
        var machine = WithAccounts();

        var applied = machine.Apply(3, Batches.Of("UPDATE accounts SET balance = balance + 1 WHERE id = 1"));

        Assert.False(applied.Failed);
        Assert.Equal(3UL, machine.Current.AppliedIndex);
        Assert.Equal(1, applied.Outcome.Statements[0].RowsAffected);
        Assert.Contains("1|101", Batches.Dump(machine), StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_is_one_transaction_so_a_failing_statement_discards_the_earlier_ones()
    {
        var machine = WithAccounts();
        var before = Batches.Dump(machine);

        var applied = machine.Apply(3, Batches.Of(
            "UPDATE accounts SET balance = balance + 70 WHERE id = 2",
            "UPDATE accounts SET balance = balance - 70 WHERE id = 1",
            "UPDATE accounts SET balance = balance - 70 WHERE id = 1"));

        Assert.True(applied.Failed);
        Assert.Equal(SqlStates.CheckViolation, applied.Outcome.Statements[^1].Error.SqlState);
        Assert.Equal(before, Batches.Dump(machine));
        Assert.Equal(3UL, machine.Current.AppliedIndex);
    }

    [Fact]
    public void A_syntax_error_fails_the_batch_with_its_position()
    {
        var machine = WithAccounts();

        var applied = machine.Apply(3, Batches.Of("INSERT INTO accounts VALUES (3, 1)", "SELEC 1"));

        var error = applied.Outcome.Statements[^1].Error;
        Assert.Equal(SqlStates.SyntaxError, error.SqlState);
        Assert.Equal(1, error.Line);
        Assert.DoesNotContain("3|1", Batches.Dump(machine), StringComparison.Ordinal);
    }

    [Fact]
    public void A_retried_write_is_answered_with_the_original_outcome_and_applied_once()
    {
        var machine = WithAccounts();
        var write = Batches.FromClient("client-a", 7, "UPDATE accounts SET balance = balance + 10 WHERE id = 2");

        var first = machine.Apply(3, write);
        var retry = machine.Apply(4, write);

        Assert.NotNull(first.Results);
        Assert.Null(retry.Results);
        Assert.Equal(first.Outcome.Statements, retry.Outcome.Statements);
        Assert.Contains("2|60", Batches.Dump(machine), StringComparison.Ordinal);
        Assert.Equal(4UL, machine.Current.AppliedIndex);
    }

    [Fact]
    public void A_retry_older_than_the_last_applied_request_is_refused()
    {
        var machine = WithAccounts();
        machine.Apply(3, Batches.FromClient("client-a", 7, "UPDATE accounts SET balance = 1 WHERE id = 2"));
        machine.Apply(4, Batches.FromClient("client-a", 8, "UPDATE accounts SET balance = 2 WHERE id = 2"));

        var stale = machine.Apply(5, Batches.FromClient("client-a", 7, "UPDATE accounts SET balance = 1 WHERE id = 2"));

        Assert.Equal(SqlStates.ObjectNotInPrerequisiteState, stale.Outcome.Statements[0].Error.SqlState);
        Assert.Contains("2|2", Batches.Dump(machine), StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_must_be_applied_in_log_order()
    {
        var machine = WithAccounts();

        Assert.Throws<ArgumentOutOfRangeException>(() => machine.Apply(2, Batches.Of("SELECT 1")));
    }

    [Fact]
    public void A_batch_from_a_newer_format_fails_without_applying()
    {
        var machine = WithAccounts();
        var batch = Batches.Of("DELETE FROM accounts");
        batch.FormatVersion = ApplyFormat.Current + 1;

        var applied = machine.Apply(3, batch);

        Assert.Equal(SqlStates.FeatureNotSupported, applied.Outcome.Statements[0].Error.SqlState);
        Assert.Contains("1|100", Batches.Dump(machine), StringComparison.Ordinal);
    }

    [Fact]
    public void Now_and_random_read_the_stamped_values_so_replicas_agree()
    {
        var left = new ReefStateMachine();
        var right = new ReefStateMachine();
        var batch = Batches.With(seed: 42, "CREATE TABLE t (at TIMESTAMP, r DOUBLE PRECISION)", "INSERT INTO t VALUES (now(), random())");

        left.Apply(1, batch);
        right.Apply(1, batch.Clone());

        Assert.Equal(Batches.Dump(left), Batches.Dump(right));
        Assert.Contains("2026-11-26 12:30:15", Batches.Dump(left), StringComparison.Ordinal);
    }

    [Fact]
    public void Skipping_a_non_command_entry_moves_only_the_applied_index()
    {
        var machine = WithAccounts();
        var before = Batches.Dump(machine);

        machine.Skip(3);

        Assert.Equal(3UL, machine.Current.AppliedIndex);
        Assert.Equal(before, Batches.Dump(machine));
    }

    [Fact]
    public void Parameters_travel_with_each_statement()
    {
        var machine = WithAccounts();
        var batch = Batches.Of("INSERT INTO accounts VALUES ($1, $2)");
        batch.Statements[0].Parameters.Add(SqlValueCodec.Encode(Sql.Types.SqlValue.FromInt64(9)));
        batch.Statements[0].Parameters.Add(SqlValueCodec.Encode(Sql.Types.SqlValue.FromInt64(900)));

        machine.Apply(3, batch);

        Assert.Contains("9|900", Batches.Dump(machine), StringComparison.Ordinal);
    }
}
