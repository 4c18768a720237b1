namespace ReefDB.Cli.Shell;

/// <summary>One statement cut from a script: its text (without the terminating <c>;</c>) and the
/// 1-based line and column of its first character in the script, for error positions.</summary>
internal readonly record struct ScriptStatement(string Text, int Line, int Column);
