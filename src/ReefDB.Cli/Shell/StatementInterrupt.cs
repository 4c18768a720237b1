using System.Runtime.InteropServices;

namespace ReefDB.Cli.Shell;

/// <summary>
/// Ctrl-C (SIGINT) while a statement runs cancels that statement, as in psql, instead of ending the process: a read
/// stops with 57014 and the shell or script carries on as after any error. Outside a statement Ctrl-C keeps its
/// usual meaning. A write cannot be stopped once it started (the engine runs it to its end).
/// </summary>
internal sealed class StatementInterrupt : IDisposable
{
    private readonly CancellationTokenSource cancel = new();
    private readonly PosixSignalRegistration registration;

    private StatementInterrupt() =>
        registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });

    /// <summary>Cancelled by a Ctrl-C that arrives before <see cref="Dispose"/>.</summary>
    public CancellationToken Token => cancel.Token;

    /// <summary>Catches Ctrl-C until disposed.</summary>
    public static StatementInterrupt Catch() => new();

    public void Dispose()
    {
        registration.Dispose();
        cancel.Dispose();
    }
}
