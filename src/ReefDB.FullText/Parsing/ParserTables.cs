using static ReefDB.FullText.Parsing.CharTest;
using static ReefDB.FullText.Parsing.ParserAction;
using S = ReefDB.FullText.Parsing.ParserState;
using T = ReefDB.FullText.Parsing.TokenType;

namespace ReefDB.FullText.Parsing;

/// <summary>
/// The transition tables of PostgreSQL's default text-search parser (wparser_def.c), row for row.
/// Hand-transcribed because no .NET library reproduces this tokenizer, and to_tsvector's output depends
/// on every rule and their order.
/// </summary>
internal static class ParserTables
{
    public static readonly ParserRule[][] Actions = Build();

    private static ParserRule R(CharTest t, ParserAction f, S to, T type = T.None, SpecialAction sp = SpecialAction.None) =>
        new(t, '\0', f, to, type, sp);

    private static ParserRule C(char c, ParserAction f, S to, T type = T.None, SpecialAction sp = SpecialAction.None) =>
        new(EqC, c, f, to, type, sp);

    private static ParserRule[][] Build()
    {
        var a = new ParserRule[(int)S.Null][];
        a[(int)S.Base] =
        [
            R(Eof, Next, S.Null), C('<', Push, S.InTagFirst), R(Ignore, Next, S.InSpace),
            R(AscLet, Next, S.InAsciiWord), R(Alpha, Next, S.InWord), R(Digit, Next, S.InUnsignedInt),
            C('-', Push, S.InSignedIntFirst), C('+', Push, S.InSignedIntFirst), C('&', Push, S.InXMLEntityFirst),
            C('~', Push, S.InFileTwiddle), C('/', Push, S.InFileFirst), C('.', Push, S.InPathFirstFirst),
            R(Always, Next, S.InSpace),
        ];
        a[(int)S.InNumWord] =
        [
            R(Eof, Bingo, S.Base, T.NumWord), R(Alnum, Next, S.InNumWord), R(Special, Next, S.InNumWord),
            C('@', Push, S.InEmail), C('/', Push, S.InFileFirst), C('.', Push, S.InFileNext),
            C('-', Push, S.InHyphenNumWordFirst), R(Always, Bingo, S.Base, T.NumWord),
        ];
        a[(int)S.InAsciiWord] =
        [
            R(Eof, Bingo, S.Base, T.AsciiWord), R(AscLet, Next, S.Null), C('.', Push, S.InHostFirstDomain),
            C('.', Push, S.InFileNext), C('-', Push, S.InHostFirstAN), C('-', Push, S.InHyphenAsciiWordFirst),
            C('_', Push, S.InHostFirstAN), C('@', Push, S.InEmail), C(':', Push, S.InProtocolFirst),
            C('/', Push, S.InFileFirst), R(Digit, Push, S.InHost), R(Digit, Next, S.InNumWord),
            R(Alpha, Next, S.InWord), R(Special, Next, S.InWord), R(Always, Bingo, S.Base, T.AsciiWord),
        ];
        a[(int)S.InWord] =
        [
            R(Eof, Bingo, S.Base, T.Word), R(Alpha, Next, S.Null), R(Special, Next, S.Null),
            R(Digit, Next, S.InNumWord), C('-', Push, S.InHyphenWordFirst), R(Always, Bingo, S.Base, T.Word),
        ];
        a[(int)S.InUnsignedInt] =
        [
            R(Eof, Bingo, S.Base, T.UnsignedInt), R(Digit, Next, S.Null), C('.', Push, S.InHostFirstDomain),
            C('.', Push, S.InUDecimalFirst), C('e', Push, S.InMantissaFirst), C('E', Push, S.InMantissaFirst),
            C('-', Push, S.InHostFirstAN), C('_', Push, S.InHostFirstAN), C('@', Push, S.InEmail),
            R(AscLet, Push, S.InHost), R(Alpha, Next, S.InNumWord), R(Special, Next, S.InNumWord),
            C('/', Push, S.InFileFirst), R(Always, Bingo, S.Base, T.UnsignedInt),
        ];
        a[(int)S.InSignedIntFirst] =
        [
            R(Eof, Pop, S.Null), R(Digit, Next | Clear, S.InSignedInt), R(Always, Pop, S.Null),
        ];
        a[(int)S.InSignedInt] =
        [
            R(Eof, Bingo, S.Base, T.SignedInt), R(Digit, Next, S.Null), C('.', Push, S.InDecimalFirst),
            C('e', Push, S.InMantissaFirst), C('E', Push, S.InMantissaFirst), R(Always, Bingo, S.Base, T.SignedInt),
        ];
        a[(int)S.InSpace] =
        [
            R(Eof, Bingo, S.Base, T.Blank), C('<', Bingo, S.Base, T.Blank), R(Ignore, Next, S.Null),
            C('-', Bingo, S.Base, T.Blank), C('+', Bingo, S.Base, T.Blank), C('&', Bingo, S.Base, T.Blank),
            C('/', Bingo, S.Base, T.Blank), R(NotAlnum, Next, S.InSpace), R(Always, Bingo, S.Base, T.Blank),
        ];
        a[(int)S.InUDecimalFirst] = [R(Eof, Pop, S.Null), R(Digit, Clear, S.InUDecimal), R(Always, Pop, S.Null)];
        a[(int)S.InUDecimal] =
        [
            R(Eof, Bingo, S.Base, T.Float), R(Digit, Next, S.InUDecimal), C('.', Push, S.InVersionFirst),
            C('e', Push, S.InMantissaFirst), C('E', Push, S.InMantissaFirst), R(Always, Bingo, S.Base, T.Float),
        ];
        a[(int)S.InDecimalFirst] = [R(Eof, Pop, S.Null), R(Digit, Clear, S.InDecimal), R(Always, Pop, S.Null)];
        a[(int)S.InDecimal] =
        [
            R(Eof, Bingo, S.Base, T.Float), R(Digit, Next, S.InDecimal), C('.', Push, S.InVerVersion),
            C('e', Push, S.InMantissaFirst), C('E', Push, S.InMantissaFirst), R(Always, Bingo, S.Base, T.Float),
        ];
        a[(int)S.InVerVersion] =
        [
            R(Eof, Pop, S.Null), R(Digit, Rerun, S.InSVerVersion, T.None, SpecialAction.VerVersion), R(Always, Pop, S.Null),
        ];
        a[(int)S.InSVerVersion] =
        [
            R(Eof, Pop, S.Null), R(Digit, Bingo | ClearAll, S.InUnsignedInt, T.Blank), R(Always, Next, S.Null),
        ];
        a[(int)S.InVersionFirst] = [R(Eof, Pop, S.Null), R(Digit, Clear, S.InVersion), R(Always, Pop, S.Null)];
        a[(int)S.InVersion] =
        [
            R(Eof, Bingo, S.Base, T.Version), R(Digit, Next, S.InVersion), C('.', Push, S.InVersionFirst),
            R(Always, Bingo, S.Base, T.Version),
        ];
        a[(int)S.InMantissaFirst] =
        [
            R(Eof, Pop, S.Null), R(Digit, Clear, S.InMantissa), C('+', Next, S.InMantissaSign),
            C('-', Next, S.InMantissaSign), R(Always, Pop, S.Null),
        ];
        a[(int)S.InMantissaSign] = [R(Eof, Pop, S.Null), R(Digit, Clear, S.InMantissa), R(Always, Pop, S.Null)];
        a[(int)S.InMantissa] =
        [
            R(Eof, Bingo, S.Base, T.ScientificFloat), R(Digit, Next, S.InMantissa),
            R(Always, Bingo, S.Base, T.ScientificFloat),
        ];
        a[(int)S.InXMLEntityFirst] =
        [
            R(Eof, Pop, S.Null), C('#', Next, S.InXMLEntityNumFirst), R(AscLet, Next, S.InXMLEntity),
            C(':', Next, S.InXMLEntity), C('_', Next, S.InXMLEntity), R(Always, Pop, S.Null),
        ];
        a[(int)S.InXMLEntity] =
        [
            R(Eof, Pop, S.Null), R(Alnum, Next, S.InXMLEntity), C(':', Next, S.InXMLEntity),
            C('_', Next, S.InXMLEntity), C('.', Next, S.InXMLEntity), C('-', Next, S.InXMLEntity),
            C(';', Next, S.InXMLEntityEnd), R(Always, Pop, S.Null),
        ];
        a[(int)S.InXMLEntityNumFirst] =
        [
            R(Eof, Pop, S.Null), C('x', Next, S.InXMLEntityHexNumFirst), C('X', Next, S.InXMLEntityHexNumFirst),
            R(Digit, Next, S.InXMLEntityNum), R(Always, Pop, S.Null),
        ];
        a[(int)S.InXMLEntityHexNumFirst] =
        [
            R(Eof, Pop, S.Null), R(XDigit, Next, S.InXMLEntityHexNum), R(Always, Pop, S.Null),
        ];
        a[(int)S.InXMLEntityNum] =
        [
            R(Eof, Pop, S.Null), R(Digit, Next, S.InXMLEntityNum), C(';', Next, S.InXMLEntityEnd), R(Always, Pop, S.Null),
        ];
        a[(int)S.InXMLEntityHexNum] =
        [
            R(Eof, Pop, S.Null), R(XDigit, Next, S.InXMLEntityHexNum), C(';', Next, S.InXMLEntityEnd),
            R(Always, Pop, S.Null),
        ];
        a[(int)S.InXMLEntityEnd] = [R(Always, Bingo | Clear, S.Base, T.Entity)];
        a[(int)S.InTagFirst] =
        [
            R(Eof, Pop, S.Null), C('/', Push, S.InTagCloseFirst), C('!', Push, S.InCommentFirst),
            C('?', Push, S.InXMLBegin), R(AscLet, Push, S.InTagName), C(':', Push, S.InTagName),
            C('_', Push, S.InTagName), R(Always, Pop, S.Null),
        ];
        a[(int)S.InXMLBegin] = [R(Eof, Pop, S.Null), C('x', Next, S.InTag), R(Always, Pop, S.Null)];
        a[(int)S.InTagCloseFirst] = [R(Eof, Pop, S.Null), R(AscLet, Next, S.InTagName), R(Always, Pop, S.Null)];
        a[(int)S.InTagName] =
        [
            R(Eof, Pop, S.Null), C('/', Next, S.InTagBeginEnd), C('>', Next, S.InTagEnd, T.None, SpecialAction.Tags),
            R(Space, Next, S.InTag, T.None, SpecialAction.Tags), R(Alnum, Next, S.Null), C(':', Next, S.Null),
            C('_', Next, S.Null), C('.', Next, S.Null), C('-', Next, S.Null), R(Always, Pop, S.Null),
        ];
        a[(int)S.InTagBeginEnd] = [R(Eof, Pop, S.Null), C('>', Next, S.InTagEnd), R(Always, Pop, S.Null)];
        a[(int)S.InTag] =
        [
            R(Eof, Pop, S.Null), C('>', Next, S.InTagEnd, T.None, SpecialAction.Tags), C('\'', Next, S.InTagEscapeK),
            C('"', Next, S.InTagEscapeKK), R(AscLet, Next, S.Null), R(Digit, Next, S.Null), C('=', Next, S.Null),
            C('-', Next, S.Null), C('_', Next, S.Null), C('#', Next, S.Null), C('/', Next, S.Null),
            C(':', Next, S.Null), C('.', Next, S.Null), C('&', Next, S.Null), C('?', Next, S.Null),
            C('%', Next, S.Null), C('~', Next, S.Null), R(Space, Next, S.Null, T.None, SpecialAction.Tags),
            R(Always, Pop, S.Null),
        ];
        a[(int)S.InTagEscapeK] =
        [
            R(Eof, Pop, S.Null), C('\\', Push, S.InTagBackSleshed), C('\'', Next, S.InTag), R(Always, Next, S.InTagEscapeK),
        ];
        a[(int)S.InTagEscapeKK] =
        [
            R(Eof, Pop, S.Null), C('\\', Push, S.InTagBackSleshed), C('"', Next, S.InTag), R(Always, Next, S.InTagEscapeKK),
        ];
        a[(int)S.InTagBackSleshed] = [R(Eof, Pop, S.Null), R(Always, Merge, S.Null)];
        a[(int)S.InTagEnd] = [R(Always, Bingo | ClearAll, S.Base, T.Tag)];
        a[(int)S.InCommentFirst] =
        [
            R(Eof, Pop, S.Null), C('-', Next, S.InCommentLast), C('D', Next, S.InTag), C('d', Next, S.InTag),
            R(Always, Pop, S.Null),
        ];
        a[(int)S.InCommentLast] = [R(Eof, Pop, S.Null), C('-', Next, S.InComment), R(Always, Pop, S.Null)];
        a[(int)S.InComment] = [R(Eof, Pop, S.Null), C('-', Next, S.InCloseCommentFirst), R(Always, Next, S.Null)];
        a[(int)S.InCloseCommentFirst] =
        [
            R(Eof, Pop, S.Null), C('-', Next, S.InCloseCommentLast), R(Always, Next, S.InComment),
        ];
        a[(int)S.InCloseCommentLast] =
        [
            R(Eof, Pop, S.Null), C('-', Next, S.Null), C('>', Next, S.InCommentEnd), R(Always, Next, S.InComment),
        ];
        a[(int)S.InCommentEnd] = [R(Always, Bingo | ClearAll, S.Base, T.Tag)];
        a[(int)S.InHostFirstDomain] =
        [
            R(Eof, Pop, S.Null), R(AscLet, Next, S.InHostDomainSecond), R(Digit, Next, S.InHost), R(Always, Pop, S.Null),
        ];
        a[(int)S.InHostDomainSecond] =
        [
            R(Eof, Pop, S.Null), R(AscLet, Next, S.InHostDomain), R(Digit, Push, S.InHost), C('-', Push, S.InHostFirstAN),
            C('_', Push, S.InHostFirstAN), C('.', Push, S.InHostFirstDomain), C('@', Push, S.InEmail), R(Always, Pop, S.Null),
        ];
        a[(int)S.InHostDomain] =
        [
            R(Eof, Bingo | ClearAll, S.Base, T.Host), R(AscLet, Next, S.InHostDomain), R(Digit, Push, S.InHost),
            C(':', Push, S.InPortFirst), C('-', Push, S.InHostFirstAN), C('_', Push, S.InHostFirstAN),
            C('.', Push, S.InHostFirstDomain), C('@', Push, S.InEmail), R(Digit, Pop, S.Null),
            R(StopHost, Bingo | ClearAll, S.InURLPathStart, T.Host), C('/', Push, S.InFURL),
            R(Always, Bingo | ClearAll, S.Base, T.Host),
        ];
        a[(int)S.InPortFirst] = [R(Eof, Pop, S.Null), R(Digit, Next, S.InPort), R(Always, Pop, S.Null)];
        a[(int)S.InPort] =
        [
            R(Eof, Bingo | ClearAll, S.Base, T.Host), R(Digit, Next, S.InPort),
            R(StopHost, Bingo | ClearAll, S.InURLPathStart, T.Host), C('/', Push, S.InFURL),
            R(Always, Bingo | ClearAll, S.Base, T.Host),
        ];
        a[(int)S.InHostFirstAN] =
        [
            R(Eof, Pop, S.Null), R(Digit, Next, S.InHost), R(AscLet, Next, S.InHost), R(Always, Pop, S.Null),
        ];
        a[(int)S.InHost] =
        [
            R(Eof, Pop, S.Null), R(Digit, Next, S.InHost), R(AscLet, Next, S.InHost), C('@', Push, S.InEmail),
            C('.', Push, S.InHostFirstDomain), C('-', Push, S.InHostFirstAN), C('_', Push, S.InHostFirstAN),
            R(Always, Pop, S.Null),
        ];
        a[(int)S.InEmail] =
        [
            R(StopHost, Pop, S.Null), R(Host, Bingo | ClearAll, S.Base, T.Email), R(Always, Pop, S.Null),
        ];
        a[(int)S.InFileFirst] =
        [
            R(Eof, Pop, S.Null), R(AscLet, Next, S.InFile), R(Digit, Next, S.InFile), C('.', Next, S.InPathFirst),
            C('_', Next, S.InFile), C('~', Push, S.InFileTwiddle), R(Always, Pop, S.Null),
        ];
        a[(int)S.InFileTwiddle] =
        [
            R(Eof, Pop, S.Null), R(AscLet, Next, S.InFile), R(Digit, Next, S.InFile), C('_', Next, S.InFile),
            C('/', Next, S.InFileFirst), R(Always, Pop, S.Null),
        ];
        a[(int)S.InPathFirst] =
        [
            R(Eof, Pop, S.Null), R(AscLet, Next, S.InFile), R(Digit, Next, S.InFile), C('_', Next, S.InFile),
            C('.', Next, S.InPathSecond), C('/', Next, S.InFileFirst), R(Always, Pop, S.Null),
        ];
        a[(int)S.InPathFirstFirst] =
        [
            R(Eof, Pop, S.Null), C('.', Next, S.InPathSecond), C('/', Next, S.InFileFirst), R(Always, Pop, S.Null),
        ];
        a[(int)S.InPathSecond] =
        [
            R(Eof, Bingo | Clear, S.Base, T.File), C('/', Next | Push, S.InFileFirst), C('/', Bingo | Clear, S.Base, T.File),
            R(Space, Bingo | Clear, S.Base, T.File), R(Always, Pop, S.Null),
        ];
        a[(int)S.InFile] =
        [
            R(Eof, Bingo, S.Base, T.File), R(AscLet, Next, S.InFile), R(Digit, Next, S.InFile), C('.', Push, S.InFileNext),
            C('_', Next, S.InFile), C('-', Next, S.InFile), C('/', Push, S.InFileFirst), R(Always, Bingo, S.Base, T.File),
        ];
        a[(int)S.InFileNext] =
        [
            R(Eof, Pop, S.Null), R(AscLet, Clear, S.InFile), R(Digit, Clear, S.InFile), C('_', Clear, S.InFile),
            R(Always, Pop, S.Null),
        ];
        a[(int)S.InURLPathFirst] = [R(Eof, Pop, S.Null), R(UrlChar, Next, S.InURLPath), R(Always, Pop, S.Null)];
        a[(int)S.InURLPathStart] = [R(Always, Next, S.InURLPath)];
        a[(int)S.InURLPath] =
        [
            R(Eof, Bingo, S.Base, T.UrlPath), R(UrlChar, Next, S.InURLPath), R(Always, Bingo, S.Base, T.UrlPath),
        ];
        a[(int)S.InFURL] =
        [
            R(Eof, Pop, S.Null), R(UrlPathAhead, Bingo | ClearAll, S.Base, T.Url, SpecialAction.FUrl), R(Always, Pop, S.Null),
        ];
        a[(int)S.InProtocolFirst] = [R(Eof, Pop, S.Null), C('/', Next, S.InProtocolSecond), R(Always, Pop, S.Null)];
        a[(int)S.InProtocolSecond] = [R(Eof, Pop, S.Null), C('/', Next, S.InProtocolEnd), R(Always, Pop, S.Null)];
        a[(int)S.InProtocolEnd] = [R(Always, Bingo | ClearAll, S.Base, T.Protocol)];
        a[(int)S.InHyphenAsciiWordFirst] =
        [
            R(Eof, Pop, S.Null), R(AscLet, Next, S.InHyphenAsciiWord), R(Alpha, Next, S.InHyphenWord),
            R(Digit, Next, S.InHyphenDigitLookahead), R(Always, Pop, S.Null),
        ];
        a[(int)S.InHyphenAsciiWord] =
        [
            R(Eof, Bingo | ClearAll, S.InParseHyphen, T.AsciiHWord, SpecialAction.Hyphen),
            R(AscLet, Next, S.InHyphenAsciiWord), R(Alpha, Next, S.InHyphenWord), R(Special, Next, S.InHyphenWord),
            R(Digit, Next, S.InHyphenNumWord), C('-', Push, S.InHyphenAsciiWordFirst),
            R(Always, Bingo | ClearAll, S.InParseHyphen, T.AsciiHWord, SpecialAction.Hyphen),
        ];
        a[(int)S.InHyphenWordFirst] =
        [
            R(Eof, Pop, S.Null), R(Alpha, Next, S.InHyphenWord), R(Digit, Next, S.InHyphenDigitLookahead),
            R(Always, Pop, S.Null),
        ];
        a[(int)S.InHyphenWord] =
        [
            R(Eof, Bingo | ClearAll, S.InParseHyphen, T.HWord, SpecialAction.Hyphen), R(Alpha, Next, S.InHyphenWord),
            R(Special, Next, S.InHyphenWord), R(Digit, Next, S.InHyphenNumWord), C('-', Push, S.InHyphenWordFirst),
            R(Always, Bingo | ClearAll, S.InParseHyphen, T.HWord, SpecialAction.Hyphen),
        ];
        a[(int)S.InHyphenNumWordFirst] =
        [
            R(Eof, Pop, S.Null), R(Alpha, Next, S.InHyphenNumWord), R(Digit, Next, S.InHyphenDigitLookahead),
            R(Always, Pop, S.Null),
        ];
        a[(int)S.InHyphenNumWord] =
        [
            R(Eof, Bingo | ClearAll, S.InParseHyphen, T.NumHWord, SpecialAction.Hyphen), R(Alnum, Next, S.InHyphenNumWord),
            R(Special, Next, S.InHyphenNumWord), C('-', Push, S.InHyphenNumWordFirst),
            R(Always, Bingo | ClearAll, S.InParseHyphen, T.NumHWord, SpecialAction.Hyphen),
        ];
        a[(int)S.InHyphenDigitLookahead] =
        [
            R(Eof, Pop, S.Null), R(Digit, Next, S.InHyphenDigitLookahead), R(Alpha, Next, S.InHyphenNumWord),
            R(Special, Next, S.InHyphenNumWord), R(Always, Pop, S.Null),
        ];
        a[(int)S.InParseHyphen] =
        [
            R(Eof, Rerun, S.Base), R(AscLet, Next, S.InHyphenAsciiWordPart), R(Alpha, Next, S.InHyphenWordPart),
            R(Digit, Push, S.InHyphenUnsignedInt), C('-', Push, S.InParseHyphenHyphen), R(Always, Rerun, S.Base),
        ];
        a[(int)S.InParseHyphenHyphen] =
        [
            R(Eof, Pop, S.Null), R(Alnum, Bingo | Clear, S.InParseHyphen, T.Blank),
            R(Special, Bingo | Clear, S.InParseHyphen, T.Blank), R(Always, Pop, S.Null),
        ];
        a[(int)S.InHyphenWordPart] =
        [
            R(Eof, Bingo, S.Base, T.HWordPart), R(Alpha, Next, S.InHyphenWordPart), R(Special, Next, S.InHyphenWordPart),
            R(Digit, Next, S.InHyphenNumWordPart), R(Always, Bingo, S.InParseHyphen, T.HWordPart),
        ];
        a[(int)S.InHyphenAsciiWordPart] =
        [
            R(Eof, Bingo, S.Base, T.HWordAsciiPart), R(AscLet, Next, S.InHyphenAsciiWordPart),
            R(Alpha, Next, S.InHyphenWordPart), R(Special, Next, S.InHyphenWordPart),
            R(Digit, Next, S.InHyphenNumWordPart), R(Always, Bingo, S.InParseHyphen, T.HWordAsciiPart),
        ];
        a[(int)S.InHyphenNumWordPart] =
        [
            R(Eof, Bingo, S.Base, T.HWordNumPart), R(Alnum, Next, S.InHyphenNumWordPart),
            R(Special, Next, S.InHyphenNumWordPart), R(Always, Bingo, S.InParseHyphen, T.HWordNumPart),
        ];
        a[(int)S.InHyphenUnsignedInt] =
        [
            R(Eof, Pop, S.Null), R(Digit, Next, S.Null), R(Alpha, Clear, S.InHyphenNumWordPart),
            R(Special, Clear, S.InHyphenNumWordPart), R(Always, Pop, S.Null),
        ];
        return a;
    }
}
