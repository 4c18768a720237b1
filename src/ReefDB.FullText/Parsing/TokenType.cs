namespace ReefDB.FullText.Parsing;

/// <summary>Token types of PostgreSQL's default parser, with its numeric ids (ts_token_type('default')).</summary>
internal enum TokenType
{
    None = 0,
    AsciiWord = 1,
    Word = 2,
    NumWord = 3,
    Email = 4,
    Url = 5,
    Host = 6,
    ScientificFloat = 7,
    Version = 8,
    HWordNumPart = 9,
    HWordPart = 10,
    HWordAsciiPart = 11,
    Blank = 12,
    Tag = 13,
    Protocol = 14,
    NumHWord = 15,
    AsciiHWord = 16,
    HWord = 17,
    UrlPath = 18,
    File = 19,
    Float = 20,
    SignedInt = 21,
    UnsignedInt = 22,
    Entity = 23,
}

/// <summary>One token: its type and the exact text it covers.</summary>
internal readonly record struct Token(TokenType Type, string Text);
