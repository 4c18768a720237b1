namespace ReefDB.FullText.Querying;

/// <summary>Three-valued match result: MAYBE when positions were needed but are unknown.</summary>
internal enum Ternary
{
    No,
    Yes,
    Maybe,
}

/// <summary>Execution options (TS_EXEC_*).</summary>
[Flags]
internal enum ExecFlags
{
    None = 0,

    /// <summary>Treat every NOT as "maybe" (used for the first pass of cover search).</summary>
    SkipNot = 1,

    /// <summary>Phrase operators without position data answer MAYBE instead of NO.</summary>
    PhraseNoPos = 2,
}

/// <summary>
/// Match positions of a phrase sub-expression (ExecPhraseData): ascending end positions, or with
/// <see cref="Negate"/> the positions where it does NOT match; <see cref="Width"/> is the span the
/// sub-expression covers before its end position.
/// </summary>
internal sealed class PhraseData
{
    public List<int> Positions { get; } = [];

    public bool Negate { get; set; }

    public int Width { get; set; }
}

/// <summary>Checks one operand against the document; fills <paramref name="data"/> with positions when given.</summary>
internal delegate Ternary OperandCheck(OperandNode operand, PhraseData? data);

/// <summary>
/// PostgreSQL's TS_execute: evaluates a query tree against a document through an operand callback,
/// with exact phrase semantics (TS_phrase_execute / TS_phrase_output).
/// </summary>
internal static class QueryExecutor
{
    public static bool Execute(QueryNode root, ExecFlags flags, OperandCheck check) =>
        Recurse(root, flags, check) != Ternary.No;

    private static Ternary Recurse(QueryNode node, ExecFlags flags, OperandCheck check)
    {
        if (node is OperandNode operand)
        {
            return check(operand, null);
        }

        var op = (OperatorNode)node;
        switch (op.Op)
        {
            case QueryOp.Not:
                if ((flags & ExecFlags.SkipNot) != 0)
                {
                    return Ternary.Maybe;
                }

                return Recurse(op.Right, flags, check) switch
                {
                    Ternary.No => Ternary.Yes,
                    Ternary.Yes => Ternary.No,
                    _ => Ternary.Maybe,
                };
            case QueryOp.And:
                {
                    var l = Recurse(op.Left!, flags, check);
                    if (l == Ternary.No)
                    {
                        return Ternary.No;
                    }

                    return Recurse(op.Right, flags, check) switch
                    {
                        Ternary.No => Ternary.No,
                        Ternary.Yes => l,
                        _ => Ternary.Maybe,
                    };
                }

            case QueryOp.Or:
                {
                    var l = Recurse(op.Left!, flags, check);
                    if (l == Ternary.Yes)
                    {
                        return Ternary.Yes;
                    }

                    return Recurse(op.Right, flags, check) switch
                    {
                        Ternary.No => l,
                        Ternary.Yes => Ternary.Yes,
                        _ => Ternary.Maybe,
                    };
                }

            default:
                return Phrase(op, flags, check, null) switch
                {
                    Ternary.No => Ternary.No,
                    Ternary.Yes => Ternary.Yes,
                    _ => (flags & ExecFlags.PhraseNoPos) != 0 ? Ternary.Maybe : Ternary.No,
                };
        }
    }

    private const int EmitLOnly = 1;
    private const int EmitROnly = 2;
    private const int EmitBoth = 4;

    private static Ternary Phrase(QueryNode node, ExecFlags flags, OperandCheck check, PhraseData? data)
    {
        if (node is OperandNode operand)
        {
            return check(operand, data);
        }

        var op = (OperatorNode)node;
        switch (op.Op)
        {
            case QueryOp.Not:
                if ((flags & ExecFlags.SkipNot) != 0)
                {
                    data!.Negate = true;
                    return Ternary.Yes;
                }

                switch (Phrase(op.Right, flags, check, data))
                {
                    case Ternary.No:
                        data!.Negate = true;
                        return Ternary.Yes;
                    case Ternary.Yes:
                        if (data!.Positions.Count > 0)
                        {
                            data.Negate = !data.Negate;
                            return Ternary.Yes;
                        }

                        if (data.Negate)
                        {
                            data.Negate = false;
                            return Ternary.No;
                        }

                        return Ternary.No;
                    default:
                        return Ternary.Maybe;
                }

            case QueryOp.Phrase:
            case QueryOp.And:
                {
                    var ldata = new PhraseData();
                    var rdata = new PhraseData();
                    var l = Phrase(op.Left!, flags, check, ldata);
                    if (l == Ternary.No)
                    {
                        return Ternary.No;
                    }

                    var r = Phrase(op.Right, flags, check, rdata);
                    if (r == Ternary.No)
                    {
                        return Ternary.No;
                    }

                    if (l == Ternary.Maybe || r == Ternary.Maybe)
                    {
                        return Ternary.Maybe;
                    }

                    int loffset, roffset;
                    if (op.Op == QueryOp.Phrase)
                    {
                        loffset = op.Distance + rdata.Width;
                        roffset = 0;
                        if (data is not null)
                        {
                            data.Width = op.Distance + ldata.Width + rdata.Width;
                        }
                    }
                    else
                    {
                        var maxWidth = Math.Max(ldata.Width, rdata.Width);
                        loffset = maxWidth - ldata.Width;
                        roffset = maxWidth - rdata.Width;
                        if (data is not null)
                        {
                            data.Width = maxWidth;
                        }
                    }

                    if (ldata.Negate && rdata.Negate)
                    {
                        Output(data, ldata, rdata, EmitBoth, loffset, roffset);
                        if (data is not null)
                        {
                            data.Negate = true;
                        }

                        return Ternary.Yes;
                    }

                    if (ldata.Negate)
                    {
                        return Output(data, ldata, rdata, EmitROnly, loffset, roffset);
                    }

                    if (rdata.Negate)
                    {
                        return Output(data, ldata, rdata, EmitLOnly, loffset, roffset);
                    }

                    return Output(data, ldata, rdata, EmitBoth, loffset, roffset);
                }

            default:
                {
                    var ldata = new PhraseData();
                    var rdata = new PhraseData();
                    var l = Phrase(op.Left!, flags, check, ldata);
                    var r = Phrase(op.Right, flags, check, rdata);
                    if (l == Ternary.No && r == Ternary.No)
                    {
                        return Ternary.No;
                    }

                    if (l == Ternary.Maybe || r == Ternary.Maybe)
                    {
                        return Ternary.Maybe;
                    }

                    if (l == Ternary.No)
                    {
                        ldata.Width = 0;
                    }

                    if (r == Ternary.No)
                    {
                        rdata.Width = 0;
                    }

                    var maxWidth = Math.Max(ldata.Width, rdata.Width);
                    var loffset = maxWidth - ldata.Width;
                    var roffset = maxWidth - rdata.Width;
                    data!.Width = maxWidth;
                    if (ldata.Negate && rdata.Negate)
                    {
                        Output(data, ldata, rdata, EmitBoth, loffset, roffset);
                        data.Negate = true;
                        return Ternary.Yes;
                    }

                    if (ldata.Negate)
                    {
                        Output(data, ldata, rdata, EmitLOnly, loffset, roffset);
                        data.Negate = true;
                        return Ternary.Yes;
                    }

                    if (rdata.Negate)
                    {
                        Output(data, ldata, rdata, EmitROnly, loffset, roffset);
                        data.Negate = true;
                        return Ternary.Yes;
                    }

                    return Output(data, ldata, rdata, EmitBoth | EmitLOnly | EmitROnly, loffset, roffset);
                }
        }
    }

    /// <summary>TS_phrase_output: merge-joins two position lists, emitting per <paramref name="emit"/>.</summary>
    private static Ternary Output(PhraseData? data, PhraseData l, PhraseData r, int emit, int loffset, int roffset)
    {
        int li = 0, ri = 0;
        while (li < l.Positions.Count || ri < r.Positions.Count)
        {
            int lpos, rpos;
            if (li < l.Positions.Count)
            {
                lpos = l.Positions[li] + loffset;
            }
            else
            {
                if ((emit & EmitROnly) == 0)
                {
                    break;
                }

                lpos = int.MaxValue;
            }

            if (ri < r.Positions.Count)
            {
                rpos = r.Positions[ri] + roffset;
            }
            else
            {
                if ((emit & EmitLOnly) == 0)
                {
                    break;
                }

                rpos = int.MaxValue;
            }

            var output = 0;
            if (lpos < rpos)
            {
                if ((emit & EmitLOnly) != 0)
                {
                    output = lpos;
                }

                li++;
            }
            else if (lpos == rpos)
            {
                if ((emit & EmitBoth) != 0)
                {
                    output = rpos;
                }

                li++;
                ri++;
            }
            else
            {
                if ((emit & EmitROnly) != 0)
                {
                    output = rpos;
                }

                ri++;
            }

            if (output > 0)
            {
                if (data is null)
                {
                    return Ternary.Yes;
                }

                data.Positions.Add(output);
            }
        }

        return data is not null && data.Positions.Count > 0 ? Ternary.Yes : Ternary.No;
    }
}
