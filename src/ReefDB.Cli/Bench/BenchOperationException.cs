namespace ReefDB.Cli.Bench;

/// <summary>An operation the system under load answered with an error (counted, not fatal, during a run).</summary>
internal sealed class BenchOperationException(string message) : Exception(message);
