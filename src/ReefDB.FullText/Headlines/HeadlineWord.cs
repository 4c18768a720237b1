using ReefDB.FullText.Parsing;
using ReefDB.FullText.Querying;

namespace ReefDB.FullText.Headlines;

/// <summary>
/// One token of the document for headline selection (HeadlineWordEntry). A token matching several query
/// operands is followed by <see cref="Repeated"/> copies, one per extra operand, which are never printed.
/// </summary>
internal sealed class HeadlineWord(TokenType type, string text)
{
    public TokenType Type { get; } = type;

    public string Text { get; } = text;

    /// <summary>Byte length, the unit ShortWord compares against.</summary>
    public int ByteLength { get; } = LexemeOrder.Utf8Length(text);

    public int Pos { get; set; }

    public OperandNode? Item { get; set; }

    public bool Repeated { get; set; }

    public bool Selected { get; set; }

    public bool In { get; set; }

    public bool Replace { get; set; }

    public bool Skip { get; set; }

    public HeadlineWord CopyAsRepeat(OperandNode item) =>
        new(Type, Text) { Pos = Pos, Item = item, Repeated = true };
}
