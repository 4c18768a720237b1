using System.Collections.Immutable;


namespace ReefDB.Sql.Planning;

/// <summary>
/// What expression compilation needs: the layout of the row an expression is evaluated on, its query
/// level, and the layouts of the enclosing levels' rows (read through <see cref="Execution.ExecContext.Frame"/>).
/// </summary>
internal sealed record CompileEnv(Layout Layout, int Level, ImmutableDictionary<int, Layout> Outer, Planner Planner)
{
    public CompileEnv WithLayout(Layout layout) => this with { Layout = layout };

    /// <summary>The environment of a subquery evaluated on rows of this one.</summary>
    public ImmutableDictionary<int, Layout> OuterForSubquery => Outer.SetItem(Level, Layout);
}
