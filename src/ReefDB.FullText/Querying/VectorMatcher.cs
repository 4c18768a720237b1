namespace ReefDB.FullText.Querying;

/// <summary>
/// The <c>@@</c> operand check against a tsvector (checkcondition_str / checkclass_str): exact or
/// prefix lexeme lookup, weight filtering, and position lists for phrase operators.
/// </summary>
internal static class VectorMatcher
{
    public static bool Matches(TsVector vector, TsQuery query) =>
        query.Root is not null && QueryExecutor.Execute(query.Root, ExecFlags.None, (o, d) => Check(vector, o, d));

    public static Ternary Check(TsVector vector, OperandNode operand, PhraseData? data)
    {
        var (start, count) = vector.FindRange(operand.Lexeme, operand.Prefix);
        if (count == 0)
        {
            return Ternary.No;
        }

        var entries = vector.Span;
        if (!operand.Prefix)
        {
            return CheckEntry(entries[start], operand, data);
        }

        var result = Ternary.No;
        List<int>? all = null;
        for (var i = start; i < start + count; i++)
        {
            var sub = new PhraseData();
            var r = CheckEntry(entries[i], operand, data is null ? null : sub);
            if (r == Ternary.No)
            {
                continue;
            }

            if (data is null)
            {
                if (r == Ternary.Yes)
                {
                    return Ternary.Yes;
                }

                result = Ternary.Maybe;
                continue;
            }

            if (r == Ternary.Maybe)
            {
                return Ternary.Maybe;
            }

            (all ??= []).AddRange(sub.Positions);
        }

        if (data is not null && all is { Count: > 0 })
        {
            data.Positions.AddRange(all.Distinct().Order());
            return Ternary.Yes;
        }

        return result;
    }

    private static Ternary CheckEntry(TsVectorEntry entry, OperandNode operand, PhraseData? data)
    {
        if (!entry.HasPositions)
        {
            // Stripped vectors match whatever the weight restriction, as in PostgreSQL.
            return data is null ? Ternary.Yes : Ternary.Maybe;
        }

        var positions = entry.PositionArray;
        if (operand.Weight != 0)
        {
            var found = false;
            foreach (var p in positions)
            {
                if ((operand.Weight & (1 << p.WeightCode)) != 0)
                {
                    found = true;
                    data?.Positions.Add(p.Position);
                }
            }

            return found ? Ternary.Yes : Ternary.No;
        }

        if (data is not null)
        {
            foreach (var p in positions)
            {
                data.Positions.Add(p.Position);
            }
        }

        return Ternary.Yes;
    }
}
