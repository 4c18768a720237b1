using Microsoft.Extensions.Logging;
using ReefDB.Node.Configuration;

namespace ReefDB.Node.Hosting;

/// <summary>Console logging as configured: readable lines, or one JSON object per line (<c>log_format: json</c>).</summary>
internal static class NodeLogging
{
    public static void Configure(ILoggingBuilder logging, NodeOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.LogLevel);
        // ASP.NET Core's per-request chatter drowns the node's own events at Information.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
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
