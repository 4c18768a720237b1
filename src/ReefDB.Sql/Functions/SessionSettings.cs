using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Functions;

/// <summary>
/// The run-time settings a batch may change (<c>SET</c>, <c>set_config</c>) and read (<c>SHOW</c>,
/// <c>current_setting</c>). They live in the batch's <see cref="FunctionContext"/>, seeded from the
/// batch's <see cref="ExecutionEnvironment"/>: part of the replicated input, never process state (DESIGN.md §2).
/// </summary>
internal static class SessionSettings
{
    /// <summary>The only setting a batch can change: the configuration of to_tsvector(text) and friends.</summary>
    public const string DefaultTextSearchConfig = "default_text_search_config";

    /// <summary>
    /// Sets <paramref name="name"/> for the rest of the batch (until its transaction ends when
    /// <paramref name="local"/>) and returns its new value as SHOW prints it.
    /// 42704 for an unknown setting, 22023 for a value it does not accept, 55P02 for read-only ones.
    /// </summary>
    public static string Set(FunctionContext context, string name, string value, bool local = false)
    {
        var key = name.ToLowerInvariant();
        switch (key)
        {
            case DefaultTextSearchConfig:
                var config = TryConfig(value) ?? throw new SqlException(SqlStates.InvalidParameterValue,
                    $"invalid value for parameter \"{key}\": \"{value}\"");
                if (local)
                {
                    context.SetLocalTextSearchConfig(config);
                }
                else
                {
                    context.DefaultTextSearchConfig = config;
                }

                return Show(context, key);
            case "server_version" or "timezone":
                throw new SqlException(SqlStates.CantChangeRuntimeParam, $"parameter \"{key}\" cannot be changed now");
            default:
                throw Unrecognized(key);
        }
    }

    /// <summary>
    /// The value <c>SET name = value</c> / <c>RESET name</c> gives <see cref="DefaultTextSearchConfig"/> (canonical
    /// configuration name), or null when the statement sets something else (accepted and ignored, as before).
    /// <paramref name="batchDefault"/> is what RESET and DEFAULT restore: the batch's own setting.
    /// </summary>
    public static string? TextSearchConfigAfterSet(string name, IReadOnlyList<string> values, string batchDefault)
    {
        if (!string.Equals(name, DefaultTextSearchConfig, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (values.Count == 0 || (values.Count == 1 && string.Equals(values[0], "default", StringComparison.OrdinalIgnoreCase)))
        {
            return batchDefault;
        }
        var value = string.Join(",", values);
        return TryConfig(value) ?? throw new SqlException(SqlStates.InvalidParameterValue,
            $"invalid value for parameter \"{DefaultTextSearchConfig}\": \"{value}\"");
    }

    /// <summary>The value of a setting as SHOW prints it; 42704 for an unknown setting.</summary>
    public static string Show(FunctionContext context, string name)
    {
        var key = name.ToLowerInvariant();
        return key switch
        {
            DefaultTextSearchConfig => "pg_catalog." + context.DefaultTextSearchConfig,
            "server_version" => "16.0",
            "timezone" => "UTC",
            _ => throw Unrecognized(key),
        };
    }

    /// <summary>The canonical name of a text search configuration, or null when there is none of that name.</summary>
    private static string? TryConfig(string value)
    {
        try
        {
            return FullText.TextSearchConfig.Get(value.Trim().Trim('"')).Name;
        }
        catch (FullText.FullTextException)
        {
            return null;
        }
    }

    private static SqlException Unrecognized(string name) =>
        new(SqlStates.UndefinedObject, $"unrecognized configuration parameter \"{name}\"");
}
