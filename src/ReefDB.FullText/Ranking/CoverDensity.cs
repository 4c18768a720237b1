using ReefDB.FullText.Querying;

namespace ReefDB.FullText.Ranking;

/// <summary>
/// ts_rank_cd (tsrank.c calc_rank_cd): cover density ranking. Finds successive minimal covers (spans
/// of the document satisfying the query, phrase operators included) and sums their density.
/// </summary>
internal static class CoverDensity
{
    public static float Compute(float[] weights, TsVector txt, TsQuery query, int method)
    {
        var invws = new double[4];
        for (var i = 0; i < 4; i++)
        {
            invws[i] = 1.0 / weights[i];
        }

        if (query.Root is null)
        {
            return 0.0f;
        }

        var items = query.Items();
        var doc = DocRepresentation(txt, items);
        if (doc.Count == 0)
        {
            return 0.0f;
        }

        var index = new Dictionary<QueryNode, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < items.Count; i++)
        {
            index[items[i]] = i;
        }

        var operandPositions = new List<int>?[items.Count];
        double wdoc = 0.0, sumDist = 0.0, prevExtPos = 0.0;
        var nExtent = 0;
        var ext = new Extent();
        while (NextCover(doc, query.Root, index, operandPositions, ext))
        {
            var invSum = 0.0;
            for (var p = ext.Begin; p <= ext.End; p++)
            {
                invSum += invws[doc[p].Pos.WeightCode];
            }

            var cpos = (ext.End - ext.Begin + 1) / invSum;
            var nNoise = (ext.Q - ext.P) - (ext.End - ext.Begin);
            if (nNoise < 0)
            {
                nNoise = (ext.End - ext.Begin) / 2;
            }

            wdoc += cpos / (1 + nNoise);
            var curExtPos = (ext.Q + ext.P) / 2.0;
            if (nExtent > 0 && curExtPos > prevExtPos)
            {
                sumDist += 1.0 / (curExtPos - prevExtPos);
            }

            prevExtPos = curExtPos;
            nExtent++;
        }

        if ((method & 0x01) != 0)
        {
            wdoc /= Math.Log(txt.PositionCount() + 1);
        }

        if ((method & 0x02) != 0)
        {
            var len = txt.PositionCount();
            if (len > 0)
            {
                wdoc /= len;
            }
        }

        if ((method & 0x04) != 0 && nExtent > 0 && sumDist > 0)
        {
            wdoc /= nExtent / sumDist;
        }

        if ((method & 0x08) != 0)
        {
            wdoc /= txt.Count;
        }

        if ((method & 0x10) != 0)
        {
            wdoc /= Math.Log(txt.Count + 1) / Math.Log(2.0);
        }

        if ((method & 0x20) != 0)
        {
            wdoc /= wdoc + 1;
        }

        return (float)wdoc;
    }

    /// <summary>
    /// get_docrep: every position (of a matching weight) of every lexeme the query mentions, sorted by
    /// position, weight and lexeme, with the query operands found at each.
    /// </summary>
    private static List<DocEntry> DocRepresentation(TsVector txt, List<QueryNode> items)
    {
        var raw = new List<(TsPosition Pos, int Entry, OperandNode Item)>();
        var entries = txt.Span;
        foreach (var item in items)
        {
            if (item is not OperandNode operand)
            {
                continue;
            }

            var (start, count) = txt.FindRange(operand.Lexeme, operand.Prefix);
            for (var e = start; e < start + count; e++)
            {
                foreach (var p in entries[e].PositionArray)
                {
                    if (operand.Weight == 0 || (operand.Weight & (1 << p.WeightCode)) != 0)
                    {
                        raw.Add((p, e, operand));
                    }
                }
            }
        }

        var sorted = raw.OrderBy(r => r.Pos.Position).ThenBy(r => r.Pos.WeightCode).ThenBy(r => r.Entry).ToList();
        var doc = new List<DocEntry>();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0 && sorted[i].Pos == sorted[i - 1].Pos && sorted[i].Entry == sorted[i - 1].Entry)
            {
                doc[^1].Items.Add(sorted[i].Item);
            }
            else
            {
                doc.Add(new DocEntry(sorted[i].Pos, [sorted[i].Item]));
            }
        }

        return doc;
    }

    /// <summary>Cover: the next minimal extent satisfying the query, searching from ext.Pos.</summary>
    private static bool NextCover(
        List<DocEntry> doc,
        QueryNode root,
        Dictionary<QueryNode, int> index,
        List<int>?[] operandPositions,
        Extent ext)
    {
        while (true)
        {
            var lastPos = ext.Pos;
            var found = false;
            Array.Clear(operandPositions);
            ext.P = int.MaxValue;
            ext.Q = 0;
            var ptr = ext.Pos;
            while (ptr < doc.Count)
            {
                Fill(doc[ptr], index, operandPositions, ascending: true);
                if (QueryExecutor.Execute(root, ExecFlags.None, Check(index, operandPositions)))
                {
                    if (doc[ptr].Pos.Position > ext.Q)
                    {
                        ext.Q = doc[ptr].Pos.Position;
                        ext.End = ptr;
                        lastPos = ptr;
                        found = true;
                    }

                    break;
                }

                ptr++;
            }

            if (!found)
            {
                return false;
            }

            Array.Clear(operandPositions);
            ptr = lastPos;
            while (ptr >= ext.Pos)
            {
                Fill(doc[ptr], index, operandPositions, ascending: false);
                if (QueryExecutor.Execute(root, ExecFlags.None, Check(index, operandPositions)))
                {
                    if (doc[ptr].Pos.Position < ext.P)
                    {
                        ext.Begin = ptr;
                        ext.P = doc[ptr].Pos.Position;
                    }

                    break;
                }

                ptr--;
            }

            if (ext.P <= ext.Q)
            {
                ext.Pos = ptr + 1;
                return true;
            }

            ext.Pos++;
        }
    }

    /// <summary>
    /// fillQueryRepresentationData: record the entry's position for each operand found there, skipping a
    /// repeat of the position added last. Positions are kept ascending in both scan directions.
    /// </summary>
    private static void Fill(DocEntry entry, Dictionary<QueryNode, int> index, List<int>?[] operandPositions, bool ascending)
    {
        foreach (var item in entry.Items)
        {
            var list = operandPositions[index[item]] ??= [];
            var pos = entry.Pos.Position;
            if (list.Count == 0)
            {
                list.Add(pos);
                continue;
            }

            var last = ascending ? list[^1] : list[0];
            if (last != pos)
            {
                if (ascending)
                {
                    list.Add(pos);
                }
                else
                {
                    list.Insert(0, pos);
                }
            }
        }
    }

    private static OperandCheck Check(Dictionary<QueryNode, int> index, List<int>?[] operandPositions) =>
        (operand, data) =>
        {
            var list = operandPositions[index[operand]];
            if (list is null)
            {
                return Ternary.No;
            }

            data?.Positions.AddRange(list);
            return Ternary.Yes;
        };

    private sealed record DocEntry(TsPosition Pos, List<OperandNode> Items);

    private sealed class Extent
    {
        public int Pos { get; set; }

        public int P { get; set; }

        public int Q { get; set; }

        public int Begin { get; set; }

        public int End { get; set; }
    }
}
