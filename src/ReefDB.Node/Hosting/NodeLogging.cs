using Microsoft.Extensions.Logging;
using ReefDB.Node.Configuration;

namespace ReefDB.Node.Hosting;

/// <summary>Console logging as configured: readable lines, or one JSON object per line (<c>log_format: json</c>).</summary>
internal static class NodeLogging
{
    /// <summary>ASP.NET Core's per-request hosting logger (request starting/finished lines).</summary>
    internal const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void Configure(ILoggingBuilder logging, NodeOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.LogLevel);
        // ASP.NET Core's per-request chatter drowns the node's own events at Information.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Off at every level: ASP.NET Core's hosting starts an Activity and opens a logging scope for every request
        // whenever this category is enabled at any level (an Activity with W3C ids, a scope object and two AsyncLocal
        // writes, carried in the ExecutionContext through every await of the call), though the node writes neither
        // traces nor scopes. It logs nothing a node needs: its per-request lines are Information, and a pipeline that
        // fails to build throws out of the node's start anyway. Unhandled request exceptions are Kestrel's (above).
        logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        if (options.LogFormat == LogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.UseUtcTimestamp = true;
            });
        }

        // Logs go to standard error so that standard output stays for what the operator asked for.
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
