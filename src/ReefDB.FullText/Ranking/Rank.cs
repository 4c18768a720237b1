using ReefDB.FullText.Querying;

namespace ReefDB.FullText.Ranking;

/// <summary>
/// ts_rank (tsrank.c calc_rank): frequency- and proximity-based relevance. The arithmetic mirrors
/// PostgreSQL's mix of float4 variables and double intermediates so results agree to the last float bit.
/// </summary>
internal static class Rank
{
    private const int MaxEntryPos = 16384;

    public static float Compute(float[] w, TsVector t, TsQuery q, int method)
    {
        if (t.Count == 0 || q.Root is null)
        {
            return 0.0f;
        }

        var res = q.Root is OperatorNode { Op: QueryOp.And or QueryOp.Phrase } ? RankAnd(w, t, q) : RankOr(w, t, q);
        if (res < 0)
        {
            res = 1e-20f;
        }

        if ((method & 0x01) != 0)
        {
            res = (float)(res / (Math.Log(t.PositionCount() + 1) / Math.Log(2.0)));
        }

        if ((method & 0x02) != 0)
        {
            var len = t.PositionCount();
            if (len > 0)
            {
                res /= len;
            }
        }

        if ((method & 0x08) != 0)
        {
            res /= t.Count;
        }

        if ((method & 0x10) != 0)
        {
            res = (float)(res / (Math.Log(t.Count + 1) / Math.Log(2.0)));
        }

        if ((method & 0x20) != 0)
        {
            res /= res + 1;
        }

        return res;
    }

    private static float WordDistance(int w) =>
        w > 100 ? 1e-30f : (float)(1.0 / (1.005 + (0.05 * Math.Exp((w / 1.5) - 2.0))));

    /// <summary>SortAndUniqItems: operands in stored order, sorted by lexeme, duplicates removed.</summary>
    internal static List<OperandNode> UniqueOperands(TsQuery q)
    {
        var sorted = q.Items().OfType<OperandNode>()
            .OrderBy(o => o.Lexeme, Comparer<string>.Create(LexemeOrder.Compare)).ToList();
        var result = new List<OperandNode>();
        foreach (var o in sorted)
        {
            if (result.Count == 0 || LexemeOrder.Compare(result[^1].Lexeme, o.Lexeme) != 0)
            {
                result.Add(o);
            }
        }

        return result;
    }

    private static float RankAnd(float[] w, TsVector t, TsQuery q)
    {
        var items = UniqueOperands(q);
        if (items.Count < 2)
        {
            return RankOr(w, t, q);
        }

        var posNull = new[] { new TsPosition(MaxEntryPos - 1, 'D') };
        var pos = new TsPosition[]?[items.Count];
        var res = -1.0f;
        var entries = t.Span;
        for (var i = 0; i < items.Count; i++)
        {
            var (start, count) = t.FindRange(items[i].Lexeme, items[i].Prefix);
            for (var e = start; e < start + count; e++)
            {
                pos[i] = entries[e].HasPositions ? entries[e].PositionArray : posNull;
                var post = pos[i]!;
                for (var k = 0; k < i; k++)
                {
                    var ct = pos[k];
                    if (ct is null)
                    {
                        continue;
                    }

                    for (var l = 0; l < post.Length; l++)
                    {
                        for (var p = 0; p < ct.Length; p++)
                        {
                            var dist = Math.Abs(post[l].Position - ct[p].Position);
                            if (dist != 0 || ReferenceEquals(pos[i], posNull) || ReferenceEquals(ct, posNull))
                            {
                                if (dist == 0)
                                {
                                    dist = MaxEntryPos;
                                }

                                var curw = (float)Math.Sqrt(w[post[l].WeightCode] * w[ct[p].WeightCode] * WordDistance(dist));
                                res = res < 0 ? curw : (float)(1.0 - ((1.0 - res) * (1.0 - curw)));
                            }
                        }
                    }
                }
            }
        }

        return res;
    }

    private static float RankOr(float[] w, TsVector t, TsQuery q)
    {
        var items = UniqueOperands(q);
        var posNull = new[] { new TsPosition(0) };
        var res = 0.0f;
        var entries = t.Span;
        foreach (var item in items)
        {
            var (start, count) = t.FindRange(item.Lexeme, item.Prefix);
            for (var e = start; e < start + count; e++)
            {
                var post = entries[e].HasPositions ? entries[e].PositionArray : posNull;
                var resj = 0.0f;
                var wjm = -1.0f;
                var jm = 0;
                for (var j = 0; j < post.Length; j++)
                {
                    resj += w[post[j].WeightCode] / ((j + 1) * (j + 1));
                    if (w[post[j].WeightCode] > wjm)
                    {
                        wjm = w[post[j].WeightCode];
                        jm = j;
                    }
                }

                res = (float)(res + ((wjm + resj - (wjm / ((jm + 1) * (jm + 1)))) / 1.64493406685));
            }
        }

        if (items.Count > 0)
        {
            res /= items.Count;
        }

        return res;
    }
}
