using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using BenchmarkDotNet.Attributes;
using Evs.Snapshots;
using EvsCodegen.Runtime;

namespace EvsCodegen.Benchmarks.Client;

/// <summary>
/// Issue 17: reading a server-sent event stream of 1,000 snapshot answers, no network (the body in memory). Baseline: a
/// hand-written <see cref="SseParser"/> loop with System.Text.Json's source generator; against it the runtime's
/// <c>ReadEventStreamAsync</c> with the generated converter, which the generated clients call. Allocations per event
/// are the allocated bytes divided by <see cref="Events"/>.
/// </summary>
[Config(typeof(BenchConfig))]
public class EventStreamBenchmarks
{
    /// <summary>The number of events in the stream.</summary>
    public const int Events = 1000;

    private static readonly byte[] s_stream = Build();

    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenSseParser()
    {
        using var response = Answer();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var parser = SseParser.Create(stream, static (_, data) => System.Text.Json.JsonSerializer.Deserialize(data, HandWrittenJsonContext.Default.HandSnapshotResponse)!);
        var count = 0;
        await foreach (var item in parser.EnumerateAsync())
        {
            count += item.Data.Snapshot.Size;
        }

        return count;
    }

    [Benchmark]
    public async Task<int> Runtime()
    {
        using var response = Answer();
        var count = 0;
        await foreach (var item in ApiClientRuntime.ReadEventStreamAsync(response, SnapshotResponseJsonConverter.ReadValue))
        {
            count += item.Snapshot.Size;
        }

        return count;
    }

    private static HttpResponseMessage Answer()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(s_stream) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return response;
    }

    private static byte[] Build()
    {
        var json = Encoding.UTF8.GetString(ClientFixture.ResponseBody).ReplaceLineEndings(string.Empty);
        var text = new StringBuilder();
        for (var i = 0; i < Events; i++)
        {
            text.Append("data: ").Append(json).Append("\n\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
