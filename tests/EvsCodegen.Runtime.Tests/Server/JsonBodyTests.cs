using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using EvsCodegen.Runtime.AspNetCore;
using EvsCodegen.Runtime.Tests.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary><see cref="ApiServerRuntime.ReadJsonBodyAsync{T}"/>: the request pipe read and parsed in one call.</summary>
public sealed class JsonBodyTests
{
    [Fact]
    public async Task Body_HeldWhole_IsParsed_AndConsumedFromThePipe()
    {
        var http = TestHttp.Request("application/json", """{"x": 1, "tags": ["a", "é"]}""");

        var parsed = await ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint);

        Assert.Equal(1, parsed.Value.X);
        Assert.Equal(["a", "é"], parsed.Value.Tags);
        var rest = await http.Request.BodyReader.ReadAsync();
        Assert.True(rest.Buffer.IsEmpty && rest.IsCompleted);
    }

    [Fact]
    public async Task Body_StillArriving_IsCopiedAsItComes()
    {
        var body = Encoding.UTF8.GetBytes("""{"x": 2, "tags": ["abc"]}""");
        var pipe = new Pipe();
        var http = WithPipe(pipe.Reader, body.Length);
        await pipe.Writer.WriteAsync(body.AsMemory(0, 5));

        var reading = ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint).AsTask();
        Assert.False(reading.IsCompleted);
        await pipe.Writer.WriteAsync(body.AsMemory(5));
        await pipe.Writer.CompleteAsync();

        var parsed = await reading;
        Assert.Equal(2, parsed.Value.X);
        Assert.Equal(["abc"], parsed.Value.Tags);
    }

    [Fact]
    public async Task Body_InSeveralSegments_IsParsedWhole()
    {
        var text = """{"x": 3, "tags": ["one", "two", "six"]}""";
        var http = WithPipe(PipeReader.Create(Segments(Encoding.UTF8.GetBytes(text), 7)), Encoding.UTF8.GetByteCount(text));

        var parsed = await ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint);

        Assert.Equal(3, parsed.Value.X);
        Assert.Equal(["one", "two", "six"], parsed.Value.Tags);
    }

    [Fact]
    public async Task Body_HeldWhole_WithAFailure_FailsTheReturnedTask()
    {
        // The pipe holds the body already (no asynchronous step): the 400 still comes in the task, not from the call.
        var http = WithPipe(PipeReader.Create(new ReadOnlySequence<byte>("{"u8.ToArray())), 1);

        var reading = ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint);

        Assert.True(reading.IsFaulted);
        Assert.Equal("The request body is not valid JSON.", (await Assert.ThrowsAsync<ApiException>(() => reading.AsTask())).Message);
    }

    [Fact]
    public async Task Body_LongerThanItsContentLength_IsReadUpToTheDeclaredLength()
    {
        var http = TestHttp.Request("application/json", Encoding.UTF8.GetBytes("""{"x": 4}trailing"""), contentLength: 8);

        Assert.Equal(4, (await ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint)).Value.X);
    }

    [Fact]
    public async Task Body_ShorterThanItsContentLength_Is400()
    {
        var http = TestHttp.Request("application/json", Encoding.UTF8.GetBytes("{}"), contentLength: 10);

        var failure = await Assert.ThrowsAsync<ApiException>(() => ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint).AsTask());

        Assert.Equal((400, "The request body is shorter than its Content-Length."), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task Body_ThatTheServerRefusesAsTooLarge_Is413()
    {
        var http = WithPipe(new ThrowingReader(new BadHttpRequestException("too large", 413)), 10);

        var failure = await Assert.ThrowsAsync<ApiException>(() => ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint).AsTask());

        Assert.Equal((413, "The request body is too large."), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task Body_WithoutContentLength_IsReadWhole()
    {
        var http = TestHttp.Request("application/json", """{"x": 5}""");
        http.Request.ContentLength = null;

        Assert.Equal(5, (await ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint)).Value.X);
    }

    [Theory]
    [InlineData("", "The request body is empty.")]
    [InlineData("""{"x": 1, "X": 2""", "The request body is not valid JSON.")]
    public async Task Syntax_Is400AtOnce(string body, string message)
    {
        var http = TestHttp.Request("application/json", body);

        var failure = await Assert.ThrowsAsync<ApiException>(() => ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint).AsTask());

        Assert.Equal((400, message), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task SchemaProblem_WaitsUntilTheValueIsAskedFor()
    {
        var http = TestHttp.Request("application/json", """{"x": 1, "X": 2}""");

        var parsed = await ApiServerRuntime.ReadJsonBodyAsync(http, required: true, JsonRead.ReadPoint);

        var failure = Assert.Throws<ApiException>(() => parsed.Value);
        Assert.Equal((400, "Invalid value at 'X': the key 'X' is not allowed (keys are case-sensitive)."), (failure.StatusCode, failure.Message));
    }

    private static DefaultHttpContext WithPipe(PipeReader reader, long? contentLength)
    {
        var http = TestHttp.Request("application/json");
        http.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(reader));
        http.Request.ContentLength = contentLength;
        return http;
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        var first = new Segment(bytes.AsMemory(0, Math.Min(size, bytes.Length)), 0);
        var last = first;
        for (var start = size; start < bytes.Length; start += size)
        {
            last = last.Append(bytes.AsMemory(start, Math.Min(size, bytes.Length - start)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    private sealed class ThrowingReader(Exception exception) : PipeReader
    {
        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) => throw exception;

        public override bool TryRead(out ReadResult result) => throw exception;

        public override void AdvanceTo(SequencePosition consumed)
        {
        }

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
        }

        public override void CancelPendingRead()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }
    }
}
