using Microsoft.AspNetCore.Http;
using ReefDB.Node.Gateway;

namespace ReefDB.Node.Http;

/// <summary>The HTTP status of each gateway error code, and which ones invite a retry (503 with Retry-After).</summary>
internal static class HttpErrors
{
    public static int StatusOf(string code) => code switch
    {
        GatewayErrorCode.MalformedJson or GatewayErrorCode.UnknownField or GatewayErrorCode.InvalidRequest
            or GatewayErrorCode.InvalidParameter or GatewayErrorCode.InvalidOperation => StatusCodes.Status400BadRequest,
        GatewayErrorCode.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        GatewayErrorCode.NoLeader or GatewayErrorCode.NotLeader or GatewayErrorCode.Overloaded or GatewayErrorCode.Unavailable
            or GatewayErrorCode.LeaderAddressUnknown or GatewayErrorCode.NodeStopped => StatusCodes.Status503ServiceUnavailable,
        GatewayErrorCode.OutcomeUnknown => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };
}
