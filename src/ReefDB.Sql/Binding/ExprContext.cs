namespace ReefDB.Sql.Binding;

/// <summary>
/// Where an expression is being bound: its scope, and whether aggregate calls are allowed there
/// (select list, HAVING and ORDER BY of the same level) and were seen.
/// </summary>
internal sealed class ExprContext
{
    public ExprContext(Scope scope, bool allowAggregates, string clause)
    {
        Scope = scope;
        AllowAggregates = allowAggregates;
        Clause = clause;
    }

    public Scope Scope { get; }

    public bool AllowAggregates { get; }

    /// <summary>Names the clause in error messages ("WHERE", "JOIN conditions", …).</summary>
    public string Clause { get; }

    public bool SawAggregate { get; set; }

    public ExprContext WithoutAggregates(string clause) => new(Scope, false, clause);
}
