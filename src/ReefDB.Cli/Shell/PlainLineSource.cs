namespace ReefDB.Cli.Shell;

/// <summary>Reads lines with <see cref="TextReader.ReadLine"/>, writing the prompt first: for terminals
/// without ANSI support, where the terminal's own line discipline is all the editing there is.</summary>
internal sealed class PlainLineSource(TextReader input, TextWriter output) : ILineSource
{
    public string? ReadLine(string prompt)
    {
        output.Write(prompt);
        output.Flush();
        return input.ReadLine();
    }
}
