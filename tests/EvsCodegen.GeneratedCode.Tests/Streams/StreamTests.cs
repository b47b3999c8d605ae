using System.Net;
using System.Runtime.CompilerServices;
using EvsCodegen.TestSupport;
using GeneratedCode.Streams;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Streams;

/// <summary>
/// Streamed answers and bodies over real HTTP (the generated client against the generated controller on 127.0.0.1):
/// items arrive while the server is still producing, cancellation reaches the producer, and binary bodies travel as
/// streams with nothing buffered whole. Waits are bounded; nothing is timed. The derived class runs the same bodies
/// against the generated minimal-API endpoints.
/// </summary>
public class StreamTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventStream_FirstItemArrives_WhileTheServerIsStillProducing()
    {
        var api = new TicksApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        await using var items = new StreamsApiClient(http).WatchTicksAsync(3).GetAsyncEnumerator();

        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(s_bound));
        Assert.Equal(1, items.Current.Seq);
        Assert.False(api.Released.Task.IsCompleted);
        api.Released.SetResult();
        var rest = new List<int>();
        while (await items.MoveNextAsync().AsTask().WaitAsync(s_bound))
        {
            rest.Add(items.Current.Seq);
        }

        Assert.Equal([2, 3], rest);
    }

    [Fact]
    public async Task EventStream_CancelledByTheClient_StopsTheProducer()
    {
        var api = new TicksApi { Endless = true };
        await using var host = await StartAsync(api);
        using var http = host.Client();
        using var cancel = new CancellationTokenSource();
        var seen = new List<int>();

        var reading = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var tick in new StreamsApiClient(http).WatchTicksAsync(0).WithCancellation(cancel.Token))
            {
                seen.Add(tick.Seq);
                if (seen.Count == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        await reading.WaitAsync(s_bound);
        Assert.Equal([1, 2], seen);
        // The endless producer ends (its enumeration is cancelled or disposed by the writer once the client has gone).
        await api.Stopped.Task.WaitAsync(s_bound);
    }

    [Fact]
    public async Task EventStream_ErrorBeforeTheFirstItem_IsTheDeclaredErrorAnswer()
    {
        var api = new TicksApi { FailWith = 404 };
        await using var host = await StartAsync(api);
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var unused in new StreamsApiClient(http).WatchTicksAsync(1))
            {
            }
        });

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task EventStream_OfText_KeepsLineBreaksAndOrder()
    {
        await using var host = await StartAsync(new TicksApi());
        using var http = host.Client();

        var messages = await new StreamsApiClient(http).WatchMessagesAsync().ToListAsync().AsTask().WaitAsync(s_bound);

        Assert.Equal(["one", "two\nlines", "ünï \"quoted\""], messages);
    }

    [Fact]
    public async Task JsonLines_AndJsonSequence_DecodeTheSameItems()
    {
        await using var host = await StartAsync(new TicksApi { Released = Done() });
        using var http = host.Client();
        var client = new StreamsApiClient(http);

        var lines = await client.ListTicksAsync(50).ToListAsync().AsTask().WaitAsync(s_bound);
        var sequence = await client.SequenceTicksAsync(50).ToListAsync().AsTask().WaitAsync(s_bound);

        Assert.Equal(Enumerable.Range(1, 50), lines.Select(t => t.Seq));
        Assert.Equal(lines.Select(t => (t.Seq, t.Note)), sequence.Select(t => (t.Seq, t.Note)));
    }

    [Fact]
    public async Task Download_OfFiftyMegabytes_IsReadAsItIsProduced()
    {
        var api = new BlobsApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        const long size = 50L * 1024 * 1024;

        await using var file = await new BlobsApiClient(http).DownloadBlobAsync(size).WaitAsync(s_bound);

        // The producer is held after 8 MiB: the client could not have its first megabyte if anything buffered the body whole.
        Assert.Equal(size, file.Length);
        Assert.Equal("application/octet-stream", file.ContentType);
        Assert.Equal("blob.bin", file.FileName);
        var buffer = new byte[64 * 1024];
        long read = 0;
        while (read < 1024 * 1024)
        {
            var count = await file.Content.ReadAsync(buffer).AsTask().WaitAsync(s_bound);
            Assert.True(count > 0);
            Assert.True(Pattern.Matches(buffer.AsSpan(0, count), read));
            read += count;
        }

        Assert.True(api.Source!.Produced < size);
        api.Source.Release.SetResult();
        while (await file.Content.ReadAsync(buffer).AsTask().WaitAsync(s_bound) is var count and > 0)
        {
            Assert.True(Pattern.Matches(buffer.AsSpan(0, count), read));
            read += count;
        }

        Assert.Equal(size, read);
    }

    [Fact]
    public async Task Upload_ReachesTheImplementation_AsTheRequestStream()
    {
        var api = new BlobsApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        const long size = 20L * 1024 * 1024;

        // The caller's stream is held after 4 MiB until the implementation has been called: a server that buffered the
        // body first would never call it.
        var source = new PatternStream(size, holdAfter: 4 * 1024 * 1024, seekable: false);
        var upload = new BlobsApiClient(http).UploadBlobAsync(source);
        await api.Called.Task.WaitAsync(s_bound);
        source.Release.SetResult();
        var stored = await upload.WaitAsync(s_bound);

        Assert.Equal(size, stored.Length);
        Assert.Equal(size, api.Received);
        Assert.True(api.AllMatched);
        Assert.False(api.StreamType!.IsAssignableTo(typeof(MemoryStream)));
        Assert.True(source.CanRead, "the caller's stream stays open: the caller owns it");
    }

    [Fact]
    public async Task Upload_OverTheServerLimit_Is413()
    {
        var api = new BlobsApi();
        await using var host = await StartAsync(api, services => services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 64 * 1024));
        using var http = host.Client();

        // Small enough for the socket to take whole, so the client reads the answer rather than a reset.
        var error = await Assert.ThrowsAsync<ApiException>(() => new BlobsApiClient(http).UploadBlobAsync(new PatternStream(200 * 1024, holdAfter: null, seekable: true)).WaitAsync(s_bound));

        Assert.Equal(413, error.StatusCode);
    }

    [Fact]
    public async Task OptionalBinaryBody_RoundTrips_WithItsMediaType()
    {
        await using var host = await StartAsync(new BlobsApi());
        using var http = host.Client();
        var client = new BlobsApiClient(http);

        await using var echoed = await client.EchoBlobAsync(new MemoryStream([137, 80, 78, 71]));
        await using var empty = await client.EchoBlobAsync();

        using var copy = new MemoryStream();
        await echoed.Content.CopyToAsync(copy);
        Assert.Equal([137, 80, 78, 71], copy.ToArray());
        Assert.Equal("image/png", echoed.ContentType);
        Assert.Equal(0, empty.Length);
    }

    private static TaskCompletionSource Done()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    /// <summary>The generated server these tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    private Task<KestrelHost> StartAsync(object api, Action<IServiceCollection>? more = null) => FlavourHost.StartAsync(
        Flavour,
        services =>
        {
            if (api is TicksApi ticks)
            {
                services.AddSingleton<IStreamsApi>(ticks);
            }
            else
            {
                services.AddSingleton<IBlobsApi>((BlobsApi)api);
            }

            more?.Invoke(services);
        },
        services =>
        {
            if (api is TicksApi)
            {
                services.AddStreamsApiControllers();
            }
            else
            {
                services.AddBlobsApiControllers();
            }
        },
        app =>
        {
            app.MapStreamsApi();
            app.MapBlobsApi();
        });

    private sealed class TicksApi : IStreamsApi
    {
        public TaskCompletionSource Released { get; init; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Endless { get; init; }

        public int? FailWith { get; init; }

        public async IAsyncEnumerable<Tick> WatchTicksAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (FailWith is { } status)
            {
                throw new ApiException(status, "No such stream.");
            }

            try
            {
                for (var seq = 1; Endless || seq <= count; seq++)
                {
                    yield return new Tick { Seq = seq };
                    if (seq == 1 && !Endless)
                    {
                        await Released.Task.WaitAsync(cancellationToken);
                    }

                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            finally
            {
                Stopped.TrySetResult();
            }
        }

        public async IAsyncEnumerable<string> WatchMessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var message in new[] { "one", "two\r\nlines", "ünï \"quoted\"" })
            {
                await Task.Yield();
                yield return message;
            }
        }

        public IAsyncEnumerable<Tick> ListTicksAsync(int count, CancellationToken cancellationToken = default) => Ticks(count);

        public IAsyncEnumerable<Tick> SequenceTicksAsync(int count, CancellationToken cancellationToken = default) => Ticks(count);

        private static async IAsyncEnumerable<Tick> Ticks(int count)
        {
            for (var seq = 1; seq <= count; seq++)
            {
                await Task.Yield();
                yield return new Tick { Seq = seq, Note = seq % 2 == 0 ? "even\n\u001e" : null };
            }
        }
    }

    private sealed class BlobsApi : IBlobsApi
    {
        public PatternStream? Source { get; private set; }

        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Received { get; private set; }

        public bool AllMatched { get; private set; } = true;

        public Type? StreamType { get; private set; }

        public Task<ApiFile> DownloadBlobAsync(long size, CancellationToken cancellationToken = default)
        {
            Source = new PatternStream(size, holdAfter: 8 * 1024 * 1024, seekable: false);
            return Task.FromResult(new ApiFile(Source, "application/octet-stream", size, "blob.bin"));
        }

        public async Task<Stored> UploadBlobAsync(Stream body, CancellationToken cancellationToken = default)
        {
            StreamType = body.GetType();
            Called.SetResult();
            var buffer = new byte[64 * 1024];
            while (await body.ReadAsync(buffer, cancellationToken) is var count and > 0)
            {
                AllMatched &= Pattern.Matches(buffer.AsSpan(0, count), Received);
                Received += count;
            }

            return new Stored { Length = Received };
        }

        public async Task<ApiFile> EchoBlobAsync(Stream? body = null, CancellationToken cancellationToken = default)
        {
            var copy = new MemoryStream();
            if (body is not null)
            {
                await body.CopyToAsync(copy, cancellationToken);
            }

            copy.Position = 0;
            return new ApiFile(copy);
        }
    }
}

/// <summary>The same streamed answers and bodies against the generated minimal-API endpoints.</summary>
public sealed class StreamMinimalTests : StreamTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
