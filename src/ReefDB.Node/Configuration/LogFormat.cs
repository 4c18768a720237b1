namespace ReefDB.Node.Configuration;

/// <summary>How the node writes its logs to the console.</summary>
public enum LogFormat
{
    /// <summary>One readable line per event.</summary>
    Text,

    /// <summary>One JSON object per line, for log collectors.</summary>
    Json,
}
