namespace ReefDB.FullText.Tests.Support;

public sealed partial class MiniSql
{
    private readonly Dictionary<(string, string), TsVector> vectors = [];

    private static bool IsQueryLike(object? v) => v is TsQuery;

    private static object? Unary(string op, object? v) => op switch
    {
        "!!" => v is null ? null : TsQuery.Not((TsQuery)Coerce(v, "tsquery")!),
        "-" => v switch { long l => -l, double d => -d, _ => throw new NotSupportedException() },
        "not" => v is null ? null : !(bool)v,
        "is null" => v is null,
        "is not null" => v is not null,
        _ => throw new NotSupportedException(op),
    };

    private object? Binary(string op, object? l, object? r)
    {
        if (op == "and")
        {
            return l is false || r is false ? false : (l is null || r is null ? null : true);
        }

        if (op == "or")
        {
            return l is true || r is true ? true : (l is null || r is null ? null : false);
        }

        if (l is null || r is null)
        {
            return null;
        }

        switch (op)
        {
            case "@@" or "@@@":
                return Match(l, r);
            case "||":
                if (l is TsVector || r is TsVector)
                {
                    return TsVector.Concat((TsVector)Coerce(l, "tsvector")!, (TsVector)Coerce(r, "tsvector")!);
                }

                if (IsQueryLike(l) || IsQueryLike(r))
                {
                    return TsQuery.Or((TsQuery)Coerce(l, "tsquery")!, (TsQuery)Coerce(r, "tsquery")!);
                }

                return Render(l) + Render(r);
            case "&&":
                return TsQuery.And((TsQuery)Coerce(l, "tsquery")!, (TsQuery)Coerce(r, "tsquery")!);
            case "<->":
                return TsQuery.Phrase((TsQuery)Coerce(l, "tsquery")!, (TsQuery)Coerce(r, "tsquery")!);
            case "@>":
                return ((TsQuery)Coerce(l, "tsquery")!).Contains((TsQuery)Coerce(r, "tsquery")!);
            case "<@":
                return ((TsQuery)Coerce(r, "tsquery")!).Contains((TsQuery)Coerce(l, "tsquery")!);
            default:
                return Compare(op, l, r);
        }
    }

    private object Match(object l, object r)
    {
        if (l is TsQuery || r is TsVector)
        {
            (l, r) = (r, l);
        }

        if (l is TsVector v)
        {
            return TextSearch.Matches(v, (TsQuery)Coerce(r, "tsquery")!);
        }

        var text = Render(l);
        if (r is TsQuery q)
        {
            return TextSearch.Matches(DefaultConfig, text, q);
        }

        return TextSearch.Matches(DefaultConfig, text, Render(r));
    }

    private static object Compare(string op, object l, object r)
    {
        int c;
        if (l is TsVector || r is TsVector)
        {
            c = ((TsVector)Coerce(l, "tsvector")!).CompareTo((TsVector)Coerce(r, "tsvector")!);
        }
        else if (l is TsQuery || r is TsQuery)
        {
            c = ((TsQuery)Coerce(l, "tsquery")!).CompareTo((TsQuery)Coerce(r, "tsquery")!);
        }
        else if (l is long or double && r is long or double)
        {
            c = Convert.ToDouble(l, System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(Convert.ToDouble(r, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            c = string.CompareOrdinal(Render(l), Render(r));
        }

        return op switch
        {
            "=" => c == 0,
            "<>" or "!=" => c != 0,
            "<" => c < 0,
            ">" => c > 0,
            "<=" => c <= 0,
            _ => c >= 0,
        };
    }

    private TextSearchConfig Config(object? v) => TextSearchConfig.Get(Render(v));

    private object? Call(string name, object?[] a)
    {
        if (name != "count" && a.Any(x => x is null))
        {
            return null;
        }

        TsVector V(int i) => (TsVector)Coerce(a[i], "tsvector")!;
        TsQuery Q(int i) => (TsQuery)Coerce(a[i], "tsquery")!;
        string T(int i) => Render(a[i]);
        switch (name)
        {
            case "to_tsvector":
                {
                    // Memoized: the conformance files ask for the same document's vector many times.
                    var config = a.Length == 1 ? DefaultConfig : Config(a[0]);
                    var text = T(a.Length - 1);
                    if (!vectors.TryGetValue((config.Name, text), out var vector))
                    {
                        vector = TextSearch.ToTsVector(config, text);
                        vectors[(config.Name, text)] = vector;
                    }

                    return vector;
                }
            case "to_tsquery":
                return a.Length == 1 ? TextSearch.ToTsQuery(DefaultConfig, T(0)) : TextSearch.ToTsQuery(Config(a[0]), T(1));
            case "plainto_tsquery":
                return a.Length == 1 ? TextSearch.PlainToTsQuery(DefaultConfig, T(0)) : TextSearch.PlainToTsQuery(Config(a[0]), T(1));
            case "phraseto_tsquery":
                return a.Length == 1 ? TextSearch.PhraseToTsQuery(DefaultConfig, T(0)) : TextSearch.PhraseToTsQuery(Config(a[0]), T(1));
            case "websearch_to_tsquery":
                return a.Length == 1 ? TextSearch.WebSearchToTsQuery(DefaultConfig, T(0)) : TextSearch.WebSearchToTsQuery(Config(a[0]), T(1));
            case "setweight":
                return TextSearch.SetWeight(V(0), T(1)[0], a.Length > 2 ? (string?[])Coerce(a[2], "text[]")! : null);
            case "strip":
                return TextSearch.Strip(V(0));
            case "length":
                return a[0] is TsVector or UnknownValue ? (long)TextSearch.Length(V(0)) : (long)T(0).Length;
            case "numnode":
                return (long)TextSearch.NumNode(Q(0));
            case "querytree":
                return TextSearch.QueryTree(Q(0));
            case "tsquery_phrase":
                return TsQuery.Phrase(Q(0), Q(1), a.Length > 2 ? (int)(long)a[2]! : 1);
            case "ts_delete":
                return V(0).Delete(a[1] is object?[]? ((string?[])Coerce(a[1], "text[]")!).Select(s => s!) : [T(1)]);
            case "ts_filter":
                return V(0).Filter(((string?[])Coerce(a[1], "text[]")!).Select(s => s![0]));
            case "array_to_tsvector":
                return TsVector.FromLexemes((string?[])Coerce(a[0], "text[]")!);
            case "tsvector_to_array":
                return V(0).ToLexemeArray().ToArray();
            case "ts_rank" or "ts_rank_cd":
                {
                    var offset = a[0] is object?[] or float?[] || (a[0] is UnknownValue uw && uw.Text.StartsWith('{')) ? 1 : 0;
                    var weights = offset == 1 ? (float?[])Coerce(a[0], "float4[]")! : null;
                    var norm = a.Length > offset + 2 ? (int)(long)a[offset + 2]! : 0;
                    return name == "ts_rank"
                        ? TextSearch.TsRank(V(offset), Q(offset + 1), weights, norm)
                        : TextSearch.TsRankCd(V(offset), Q(offset + 1), weights, norm);
                }

            case "ts_headline":
                {
                    var hasConfig = a.Length == 4 || (a.Length == 3 && a[2] is TsQuery);
                    var config = hasConfig ? Config(a[0]) : DefaultConfig;
                    var o = hasConfig ? 1 : 0;
                    var options = a.Length > o + 2 ? T(o + 2) : null;
                    return TextSearch.TsHeadline(config, T(o), Q(o + 1), options);
                }

            default:
                throw new NotSupportedException("function " + name);
        }
    }
}
