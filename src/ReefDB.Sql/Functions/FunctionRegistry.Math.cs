using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

internal static partial class FunctionRegistry
{
    private static readonly SqlType[] OneDouble = [SqlType.Double];
    private static readonly SqlType[] OneNumeric = [SqlType.Numeric];
    private static readonly SqlType[] TwoDoubles = [SqlType.Double, SqlType.Double];
    private static readonly SqlType[] TwoNumerics = [SqlType.Numeric, SqlType.Numeric];
    private static readonly SqlType[] NumericInt = [SqlType.Numeric, SqlType.Integer];

    private static SqlValue Double(double v) => SqlValue.FromDouble(v);

    private static SqlValue Numeric(decimal v) => SqlValue.FromNumeric(v);

    private static decimal Dec(SqlValue v) => SqlOperators.ToDecimal(v);

    private static void AddMathFunctions(Action<ScalarFunction> add)
    {
        foreach (var type in new[] { SqlType.SmallInt, SqlType.Integer, SqlType.BigInt })
        {
            var kind = type.Kind;
            add(Fn("abs", [type], type, (a, _) => Int(IntegerMath.Abs(a[0].AsInt64, kind))));
            add(Fn("mod", [type, type], type, (a, _) => Int(IntegerMath.Remainder(a[0].AsInt64, a[1].AsInt64))));
            if (kind != SqlTypeKind.Int16)
            {
                add(Fn("gcd", [type, type], type, (a, _) => Int(MathFunctions.Gcd(a[0].AsInt64, a[1].AsInt64, kind))));
                add(Fn("lcm", [type, type], type, (a, _) => Int(MathFunctions.Lcm(a[0].AsInt64, a[1].AsInt64, kind))));
            }
        }
        add(Fn("abs", OneNumeric, SqlType.Numeric, (a, _) => Numeric(Math.Abs(Dec(a[0])))));
        add(Fn("abs", [SqlType.Real], SqlType.Real, (a, _) => SqlValue.FromReal(Math.Abs((float)a[0].AsDouble))));
        add(Fn("abs", OneDouble, SqlType.Double, (a, _) => Double(Math.Abs(a[0].ToDouble()))));
        add(Fn("mod", TwoNumerics, SqlType.Numeric, (a, _) => Numeric(NumericMath.Remainder(Dec(a[0]), Dec(a[1])))));
        add(Fn("div", TwoNumerics, SqlType.Numeric, (a, _) => Numeric(decimal.Truncate(NumericDivideExact(Dec(a[0]), Dec(a[1]))))));
        add(Fn("gcd", TwoNumerics, SqlType.Numeric, (a, _) => Numeric(MathFunctions.Gcd(Dec(a[0]), Dec(a[1])))));

        foreach (var name in new[] { "ceil", "ceiling" })
        {
            add(Fn(name, OneNumeric, SqlType.Numeric, (a, _) => Numeric(decimal.Ceiling(Dec(a[0])))));
            add(Fn(name, OneDouble, SqlType.Double, (a, _) => Double(Math.Ceiling(a[0].ToDouble()))));
        }
        add(Fn("floor", OneNumeric, SqlType.Numeric, (a, _) => Numeric(decimal.Floor(Dec(a[0])))));
        add(Fn("floor", OneDouble, SqlType.Double, (a, _) => Double(Math.Floor(a[0].ToDouble()))));
        add(Fn("round", OneDouble, SqlType.Double, (a, _) => Double(Math.Round(a[0].ToDouble(), MidpointRounding.ToEven))));
        add(Fn("round", OneNumeric, SqlType.Numeric, (a, _) => Numeric(MathFunctions.Round(Dec(a[0]), 0, truncate: false))));
        add(Fn("round", NumericInt, SqlType.Numeric, (a, _) => Numeric(MathFunctions.Round(Dec(a[0]), a[1].AsInt64, truncate: false))));
        add(Fn("trunc", OneDouble, SqlType.Double, (a, _) => Double(Math.Truncate(a[0].ToDouble()))));
        add(Fn("trunc", OneNumeric, SqlType.Numeric, (a, _) => Numeric(MathFunctions.Round(Dec(a[0]), 0, truncate: true))));
        add(Fn("trunc", NumericInt, SqlType.Numeric, (a, _) => Numeric(MathFunctions.Round(Dec(a[0]), a[1].AsInt64, truncate: true))));
        add(Fn("sign", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.Sign(a[0].ToDouble()))));
        add(Fn("sign", OneNumeric, SqlType.Numeric, (a, _) => Numeric(Math.Sign(Dec(a[0])))));

        foreach (var name in new[] { "power", "pow" })
        {
            add(Fn(name, TwoDoubles, SqlType.Double, (a, _) => Double(FloatMath.Power(a[0].ToDouble(), a[1].ToDouble()))));
            add(Fn(name, TwoNumerics, SqlType.Numeric, (a, _) => Numeric(NumericFunctions.Power(Dec(a[0]), Dec(a[1])))));
        }
        add(Fn("sqrt", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.Sqrt(a[0].ToDouble()))));
        add(Fn("sqrt", OneNumeric, SqlType.Numeric, (a, _) => Numeric(NumericFunctions.Sqrt(Dec(a[0])))));
        add(Fn("cbrt", OneDouble, SqlType.Double, (a, _) => Double(Math.Cbrt(a[0].ToDouble()))));
        add(Fn("exp", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.Exp(a[0].ToDouble()))));
        add(Fn("exp", OneNumeric, SqlType.Numeric, (a, _) => Numeric(NumericFunctions.Exp(Dec(a[0])))));
        add(Fn("ln", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.Ln(a[0].ToDouble()))));
        add(Fn("ln", OneNumeric, SqlType.Numeric, (a, _) => Numeric(NumericFunctions.Ln(Dec(a[0])))));
        foreach (var name in new[] { "log", "log10" })
        {
            add(Fn(name, OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.Log10(a[0].ToDouble()))));
            add(Fn(name, OneNumeric, SqlType.Numeric, (a, _) => Numeric(NumericFunctions.Log(10m, Dec(a[0])))));
        }
        add(Fn("log", TwoNumerics, SqlType.Numeric, (a, _) => Numeric(NumericFunctions.Log(Dec(a[0]), Dec(a[1])))));
        add(Fn("pi", [], SqlType.Double, (_, _) => Double(Math.PI)));
        add(Fn("degrees", OneDouble, SqlType.Double, (a, _) => Double(a[0].ToDouble() * (180.0 / Math.PI))));
        add(Fn("radians", OneDouble, SqlType.Double, (a, _) => Double(a[0].ToDouble() * (Math.PI / 180.0))));
        add(Fn("sin", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.Trig(a[0].ToDouble(), Math.Sin))));
        add(Fn("cos", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.Trig(a[0].ToDouble(), Math.Cos))));
        add(Fn("tan", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.Trig(a[0].ToDouble(), Math.Tan))));
        add(Fn("cot", OneDouble, SqlType.Double, (a, _) => Double(1.0 / MathFunctions.Trig(a[0].ToDouble(), Math.Tan))));
        add(Fn("asin", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.InverseTrig(a[0].ToDouble(), Math.Asin))));
        add(Fn("acos", OneDouble, SqlType.Double, (a, _) => Double(MathFunctions.InverseTrig(a[0].ToDouble(), Math.Acos))));
        add(Fn("atan", OneDouble, SqlType.Double, (a, _) => Double(Math.Atan(a[0].ToDouble()))));
        add(Fn("atan2", TwoDoubles, SqlType.Double, (a, _) => Double(Math.Atan2(a[0].ToDouble(), a[1].ToDouble()))));
        add(Fn("width_bucket", [SqlType.Double, SqlType.Double, SqlType.Double, SqlType.Integer], SqlType.Integer,
            (a, _) => Int(MathFunctions.WidthBucket(a[0].ToDouble(), a[1].ToDouble(), a[2].ToDouble(), a[3].AsInt64))));
    }

    private static decimal NumericDivideExact(decimal a, decimal b) =>
        b == 0 ? throw ValueErrors.DivisionByZero() : a / b;
}
