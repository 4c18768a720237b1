namespace ReefDB.FullText.Tests.Support;

public abstract record SqlExpr;

public sealed record LiteralExpr(object? Value) : SqlExpr;

/// <summary>A quoted literal whose type comes from context, as PostgreSQL's "unknown".</summary>
public sealed record UnknownExpr(string Text) : SqlExpr;

public sealed record ColumnExpr(string Name) : SqlExpr;

public sealed record StarExpr : SqlExpr;

public sealed record CallExpr(string Name, IReadOnlyList<SqlExpr> Args) : SqlExpr;

public sealed record CastExpr(SqlExpr Operand, string Type) : SqlExpr;

public sealed record BinaryExpr(string Op, SqlExpr Left, SqlExpr Right) : SqlExpr;

public sealed record UnaryExpr(string Op, SqlExpr Operand) : SqlExpr;

public sealed record ArrayExpr(IReadOnlyList<SqlExpr> Items) : SqlExpr;

/// <summary>A text value that is still "unknown" typed after evaluation (a bare literal).</summary>
public sealed record UnknownValue(string Text);

public sealed record SelectStatement(IReadOnlyList<SqlExpr> Columns, string? From, SqlExpr? Where);
