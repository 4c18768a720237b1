using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReefDB.Node.Grpc;
using ReefDB.Node.Grpc.Wire;
using ReefDB.Node.Tests.Support;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Tests.Grpc;

/// <summary>
/// A scripted <c>reefdb.sql.Sql</c> server on a loopback port: every request is answered with one row affected at
/// the next index. <see cref="StreamServed"/> false plays a node older than the <c>Forward</c> stream (the base
/// class answers it Unimplemented); <see cref="AbortFirstStreamAfter"/> breaks the first stream, unanswered, once it
/// has read that many requests; <see cref="Silent"/> reads every request and answers none (a stalled leader).
/// </summary>
internal sealed class FakeSqlServer : Node.Grpc.Wire.Sql.SqlBase, IAsyncDisposable
{
    private WebApplication? app;
    private long lastIndex;
    private int executeCalls;
    private int streams;
    private int forwardedRequests;
    private readonly TaskCompletionSource aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public required bool StreamServed { get; init; }

    public int AbortFirstStreamAfter { get; init; }

    public bool Silent { get; init; }

    public string Address { get; private set; } = "";

    public int ExecuteCalls => Volatile.Read(ref executeCalls);

    public int Streams => Volatile.Read(ref streams);

    public int ForwardedRequests => Volatile.Read(ref forwardedRequests);

    /// <summary>Completes when the first stream has been broken.</summary>
    public Task Aborted => aborted.Task;

    public async Task StartAsync()
    {
        Address = $"127.0.0.1:{Ports.Free()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPEndPoint.Parse(Address), l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        app = builder.Build();
        app.MapGrpcService<FakeSqlServer>();
        await app.StartAsync(TestContext.Current.CancellationToken);
    }

    public override Task<ExecuteResponse> Execute(ExecuteRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref executeCalls);
        return Task.FromResult(Answer());
    }

    public override async Task Forward(IAsyncStreamReader<ForwardRequests> requestStream, IServerStreamWriter<ForwardAnswers> responseStream, ServerCallContext context)
    {
        if (!StreamServed)
        {
            await base.Forward(requestStream, responseStream, context);
            return;
        }

        var first = Interlocked.Increment(ref streams) == 1;
        await context.WriteResponseHeadersAsync(new Metadata { { ForwardFraming.ServedHeader, "1" } });
        var read = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            Interlocked.Add(ref forwardedRequests, requestStream.Current.Requests.Count);
            read += requestStream.Current.Requests.Count;
            if (Silent)
            {
                continue;
            }

            if (first && AbortFirstStreamAfter > 0)
            {
                if (read >= AbortFirstStreamAfter)
                {
                    context.GetHttpContext().Abort();
                    aborted.TrySetResult();
                    return;
                }

                continue;
            }

            var answers = new ForwardAnswers();
            answers.Answers.AddRange(requestStream.Current.Requests.Select(r => new ForwardedAnswer { Id = r.Id, Response = Answer() }));
            await responseStream.WriteAsync(answers, context.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private ExecuteResponse Answer() => new()
    {
        RaftIndex = (ulong)Interlocked.Increment(ref lastIndex),
        NodeId = 9,
        Results = { new StatementOutcome { RowsAffected = 1, CommandTag = "INSERT 0 1" } },
    };
}
