using System.Runtime.CompilerServices;

namespace ReefDB.Raft.Tests.Interaction;

/// <summary>
/// Runs every script in testdata/: each block's commands against one <see cref="InteractionEnv"/>, comparing the
/// output with the text after <c>----</c>. With REEFDB_REWRITE=1 the scripts are rewritten with the actual output
/// instead (review the diff before committing).
/// </summary>
public sealed class InteractionTests
{
    public static TheoryData<string> Scripts() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Interaction", "testdata"), "*.txt")
            .Select(p => Path.GetFileName(p))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_output_matches(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Interaction", "testdata", name);
        var script = ScriptFile.Parse(File.ReadAllText(path));
        var env = new InteractionEnv();
        var results = new List<(ScriptBlock, IReadOnlyList<string>)>();
        var rewrite = Environment.GetEnvironmentVariable("REEFDB_REWRITE") == "1";
        foreach (var block in script.Blocks)
        {
            var actual = new List<string>();
            foreach (var command in block.Commands)
            {
                actual.AddRange(env.Run(command));
            }

            results.Add((block, actual));
            if (!rewrite && !actual.SequenceEqual(block.Expected, StringComparer.Ordinal))
            {
                Assert.Fail($"{name}:{block.Line}: output of '{string.Join(" | ", block.Commands)}' differs.\n"
                    + $"--- expected\n{string.Join('\n', block.Expected)}\n--- actual\n{string.Join('\n', actual)}\n"
                    + "(run with REEFDB_REWRITE=1 to accept the actual output)");
            }
        }

        if (rewrite)
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "testdata", name), ScriptFile.Render(results));
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
