using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>Evaluates a resolved binary operator on two values of the operand types it was resolved for.</summary>
internal delegate SqlValue BinaryEvaluator(SqlValue left, SqlValue right);

/// <summary>Evaluates a resolved unary operator.</summary>
internal delegate SqlValue UnaryEvaluator(SqlValue operand);

/// <summary>
/// A binary operator resolved for operand types at plan time: its result type and evaluator. The evaluator
/// accepts values of the types given at resolution (it coerces unknown literals itself) and handles NULL as
/// the operator does (NULL in, NULL out for all but AND, OR and IS [NOT] DISTINCT FROM). Thread-safe.
/// </summary>
internal sealed record BinaryOperator(string Name, SqlType LeftType, SqlType RightType, SqlType ResultType, BinaryEvaluator Evaluate);

/// <summary>A unary operator resolved for its operand type (NULL in, NULL out).</summary>
internal sealed record UnaryOperator(string Name, SqlType OperandType, SqlType ResultType, UnaryEvaluator Evaluate);
