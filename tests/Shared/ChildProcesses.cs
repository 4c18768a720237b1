using System.Diagnostics;

namespace ReefDB.Testing;

/// <summary>
/// Settings for the .NET processes tests start (nodes, <c>reefdb sql</c>, <c>scripts/cluster.sh</c> and what it
/// starts). One source file linked into the test projects that start processes, so the rule lives in one place.
/// </summary>
internal static class ChildProcesses
{
    /// <summary>Turns off the runtime's debugger pipes and diagnostics socket in the started process and its children.
    /// The runtime removes them from the temporary folder on a clean exit only; these tests end processes by SIGKILL,
    /// and every kill would leave three files behind. Nothing attaches a debugger or a tracer to them.</summary>
    public static ProcessStartInfo WithoutRuntimeIpc(this ProcessStartInfo start)
    {
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        return start;
    }
}
