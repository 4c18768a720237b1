using RadLine;
using Spectre.Console;

namespace ReefDB.Cli.Shell;

/// <summary>
/// Line editing and history on an ANSI terminal through RadLine: arrows, Home/End, word moves, and
/// Up/Down through the lines entered in this session.
/// </summary>
internal sealed class RadLineSource : ILineSource
{
    private readonly SwitchablePrompt prompt = new();
    private readonly LineEditor editor;

    public RadLineSource()
    {
        editor = new LineEditor { Prompt = prompt };
    }

    /// <summary>True when the console can host the editor (an interactive ANSI terminal).</summary>
    public static bool IsSupported => LineEditor.IsSupported(AnsiConsole.Console);

    public string? ReadLine(string prompt)
    {
        this.prompt.Text = prompt;

        // RadLine is asynchronous only; the shell has nothing else to do meanwhile.
        return editor.ReadLine(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>RadLine fixes its prompt object at construction; this one changes text between lines
    /// (<c>reefdb=&gt;</c> for a new statement, <c>reefdb-&gt;</c> to continue one).</summary>
    private sealed class SwitchablePrompt : ILineEditorPrompt
    {
        public string Text { get; set; } = string.Empty;

        public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) =>
            (new Markup(Markup.Escape(Text.TrimEnd())), 1);
    }
}
