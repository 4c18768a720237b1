using Microsoft.AspNetCore.Http;
using ReefDB.Node.Gateway;

namespace ReefDB.Node.Http;

/// <summary>
/// Reads a request body up to a limit; a larger one is refused with <see cref="GatewayErrorCode.BodyTooLarge"/>.
/// </summary>
/// <remarks>A body a little over the limit is read to its end and discarded before answering, so that a client
/// still sending sees the 413 rather than a reset connection; past <see cref="DrainBytes"/> more, the connection
/// is closed instead of reading on.</remarks>
internal static class RequestBody
{
    public const long DrainBytes = 1024 * 1024;

    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length && length <= limit ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        var tooLarge = request.ContentLength > limit;
        long total = 0;
        while (total <= limit + DrainBytes)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
            tooLarge |= total > limit;
            if (!tooLarge)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        if (tooLarge || total > limit)
        {
            throw new GatewayException(GatewayErrorCode.BodyTooLarge, $"the request body exceeds max_request_bytes ({limit} bytes)");
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
