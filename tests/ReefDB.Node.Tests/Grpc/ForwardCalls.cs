using ReefDB.Node.Gateway;

namespace ReefDB.Node.Tests.Grpc;

/// <summary>Requests for a forwarder, and its answers reduced to what a client branches on.</summary>
internal static class ForwardCalls
{
    public static SqlRequest Request(params string[] statements) =>
        new([.. statements.Select(s => new SqlStatementRequest(s, []))], Transaction: true, ClientId: null, Sequence: 0, Consistency: null);

    /// <summary>"ok", an SQLSTATE, a gateway code, or a gateway code followed by " retryable".</summary>
    public static async Task<string> OutcomeAsync(Task<SqlResult> forwarded)
    {
        try
        {
            var result = await forwarded;
            return result.Error is null ? "ok" : result.Error.Code;
        }
        catch (GatewayException e)
        {
            return e.Retryable ? $"{e.Code} retryable" : e.Code;
        }
    }
}
