using CsCheck;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Types;

public sealed class SqlValueCompareTests
{
    [Fact]
    public void Numbers_compare_across_kinds_by_value_and_hash_alike()
    {
        var one = new[] { SqlValue.FromInt64(1), SqlValue.FromDouble(1.0), SqlValue.FromNumeric(1m), SqlValue.FromNumeric(1.000m), SqlValue.FromReal(1f) };
        foreach (var a in one)
        {
            foreach (var b in one)
            {
                Assert.Equal(0, SqlValue.Compare(a, b));
                Assert.Equal(a, b);
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        }
        Assert.True(SqlValue.FromInt64(2) > SqlValue.FromNumeric(1.5m));
        Assert.True(SqlValue.FromDouble(0.5) == SqlValue.FromNumeric(0.5m));
        Assert.Equal(SqlValue.FromDouble(0.5).GetHashCode(), SqlValue.FromNumeric(0.50m).GetHashCode());
        Assert.True(SqlValue.FromInt64(long.MaxValue) > SqlValue.FromNumeric(long.MaxValue - 1m));
    }

    [Fact]
    public void Float_order_follows_postgres_nan_and_signed_zero()
    {
        var nan = SqlValue.FromDouble(double.NaN);
        Assert.Equal(0, SqlValue.Compare(nan, SqlValue.FromDouble(double.NaN)));
        Assert.True(nan > SqlValue.FromDouble(double.PositiveInfinity));
        Assert.True(nan > SqlValue.FromInt64(long.MaxValue));
        Assert.Equal(SqlValue.FromDouble(-0.0), SqlValue.FromDouble(0.0));
        Assert.Equal(SqlValue.FromDouble(-0.0).GetHashCode(), SqlValue.FromInt64(0).GetHashCode());
    }

    [Fact]
    public void Null_sorts_last_and_equals_null_as_a_key()
    {
        Assert.True(SqlValue.Null > SqlValue.FromInt64(long.MaxValue));
        Assert.True(SqlValue.Null > SqlValue.FromText("zzz"));
        Assert.Equal(0, SqlValue.Compare(SqlValue.Null, default));
    }

    [Fact]
    public void Text_compares_by_code_point_like_the_c_collation()
    {
        Assert.True(SqlValue.FromText("B") < SqlValue.FromText("a"));
        Assert.True(SqlValue.FromText("ab") < SqlValue.FromText("abc"));
        // U+FFFD is below any supplementary code point in UTF-8 byte order, though not in UTF-16 order.
        Assert.True(SqlValue.FromText("\uFFFD") < SqlValue.FromText("\U0001F600"));
        Assert.Equal(SqlValue.FromText("x").GetHashCode(), SqlValue.FromText(new string('x', 1)).GetHashCode());
    }

    [Fact]
    public void Dates_equal_timestamps_at_midnight()
    {
        var date = SqlValue.FromDate(new DateOnly(2024, 1, 31));
        var midnight = SqlValue.FromTimestamp(new DateTime(2024, 1, 31));
        Assert.Equal(date, midnight);
        Assert.Equal(date.GetHashCode(), midnight.GetHashCode());
        Assert.True(date < SqlValue.FromTimestamp(new DateTime(2024, 1, 31, 0, 0, 1)));
    }

    [Fact]
    public void Bytea_and_booleans_and_uuids_order_naturally()
    {
        Assert.True(SqlValue.FromBytea([1, 2]) < SqlValue.FromBytea([1, 2, 0]));
        Assert.True(SqlValue.FromBytea([1, 3]) > SqlValue.FromBytea([1, 2, 9]));
        Assert.True(SqlValue.False < SqlValue.True);
        Assert.True(SqlValue.FromUuid(Guid.Parse("00000000-0000-0000-0000-000000000002"))
            < SqlValue.FromUuid(Guid.Parse("10000000-0000-0000-0000-000000000001")));
    }

    private static readonly Gen<SqlValue> AnyValue = Gen.OneOf(
        Gen.Const(SqlValue.Null),
        Gen.Bool.Select(SqlValue.FromBoolean),
        Gen.Long[-1000, 1000].Select(SqlValue.FromInt64),
        Gen.Long.Select(SqlValue.FromInt64),
        Gen.Int[-2000, 2000].Select(i => SqlValue.FromDouble(i / 2.0)),
        Gen.Double.Select(SqlValue.FromDouble),
        Gen.Int[-2000, 2000].Select(i => SqlValue.FromNumeric(i / 4m)),
        Gen.String.Select(SqlValue.FromText),
        Gen.Int[-1000, 1000].Select(SqlValue.FromDateDays),
        Gen.Int[-1000, 1000].Select(i => SqlValue.FromTimestampMicros(i * 43_200_000_000L)));

    [Fact]
    public void Compare_is_a_total_order_consistent_with_hashing() =>
        Gen.Select(AnyValue, AnyValue, AnyValue).Sample((a, b, c) =>
        {
            var ab = SqlValue.Compare(a, b);
            Assert.Equal(-Math.Sign(ab), Math.Sign(SqlValue.Compare(b, a)));
            if (ab == 0)
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
            if (ab <= 0 && SqlValue.Compare(b, c) <= 0 && !MixesFloatWithExact(a, b, c))
            {
                Assert.True(SqlValue.Compare(a, c) <= 0, $"{a} <= {b} <= {c}");
            }
        }, seed: "0N0XIzNsQ0O2", iter: 20_000);

    // Comparisons of a float with an exact number go through double (as PostgreSQL's casts do), so
    // transitivity holds only up to that rounding; the property skips those triples.
    private static bool MixesFloatWithExact(params SqlValue[] values) =>
        values.Any(v => v.Kind is SqlValueKind.Float64 or SqlValueKind.Float32)
        && values.Any(v => v.Kind is SqlValueKind.Int64 or SqlValueKind.Numeric);
}
