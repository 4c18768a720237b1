namespace ReefDB.Cli.Output;

/// <summary>Chooses the <see cref="IResultWriter"/> for a format.</summary>
internal static class ResultWriters
{
    /// <summary>A writer that prints to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static IResultWriter Create(OutputFormat format, TextWriter output) => format switch
    {
        OutputFormat.Csv => new CsvResultWriter(output),
        OutputFormat.Json => new JsonResultWriter(output),
        _ => new TableResultWriter(output),
    };
}
