namespace ReefDB.Cli.Shell;

/// <summary>Where the interactive shell gets its lines: a line editor on a terminal, or plain reads.</summary>
internal interface ILineSource
{
    /// <summary>Shows <paramref name="prompt"/> and reads one line (without its end); null at end of input.</summary>
    string? ReadLine(string prompt);
}
