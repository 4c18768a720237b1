namespace ReefDB.Node.Gateway;

/// <summary>
/// The time a request may take, shared by HTTP and gRPC: past it the client hears a clear error instead of
/// waiting, and a write whose fate is unknown says so (a retry with the same client_id and seq is safe).
/// </summary>
internal sealed class RequestLimits(TimeSpan timeout)
{
    public TimeSpan RequestTimeout => timeout;

    public CancellationTokenSource Timeout(CancellationToken callerAborted)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(callerAborted);
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Runs <paramref name="work"/> and turns its expiry into <see cref="GatewayErrorCode.OutcomeUnknown"/>.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationTokenSource timeoutSource)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeoutSource.IsCancellationRequested)
        {
            throw new GatewayException(
                GatewayErrorCode.OutcomeUnknown,
                $"the request did not complete within {timeout.TotalMilliseconds:0} ms; a write may or may not have been applied " +
                "(retrying with the same client_id and seq is safe)",
                inner: e);
        }
    }
}
