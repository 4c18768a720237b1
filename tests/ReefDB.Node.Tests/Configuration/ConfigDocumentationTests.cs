using ReefDB.Node.Configuration;

namespace ReefDB.Node.Tests.Configuration;

public sealed class ConfigDocumentationTests
{
    [Fact]
    public void Docs_config_lists_every_field_with_its_environment_variable_flag_and_default()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "CONFIG.md"));
        var rows = doc.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        foreach (var field in ConfigFields.Scalars)
        {
            var row = Assert.Single(rows, r => r.StartsWith($"| `{field.Key}` |", StringComparison.Ordinal));
            Assert.Contains($"`{field.EnvNames[0]}`", row, StringComparison.Ordinal);
            Assert.Contains($"`{field.Flag}`", row, StringComparison.Ordinal);
            Assert.Contains($"`{field.Default}`", row, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReefDB.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ReefDB.slnx not found above the test binaries");
    }
}
