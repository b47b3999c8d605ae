using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using GeneratedCode.NullableBodies;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>
/// A required body whose schema allows null is sent as the JSON literal <c>null</c> with the JSON media type, and the
/// server hands null to the implementation; an optional body left out stays absent (no content at all).
/// </summary>
public sealed class NullableBodyTests
{
    [Fact]
    public async Task RequiredNullableBody_Null_IsSentAsJsonNull()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new NotesApiClient(handler.Client()).ReplaceNoteAsync(null);

        Assert.Equal("application/json", handler.ContentType);
        Assert.Equal("null", Encoding.UTF8.GetString(handler.Body!));
    }

    [Fact]
    public async Task RequiredNullableValueBody_Null_IsSentAsJsonNull()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new NotesApiClient(handler.Client()).SetCounterAsync(null);

        Assert.Equal(("application/json", "null"), (handler.ContentType, Encoding.UTF8.GetString(handler.Body!)));
    }

    [Fact]
    public async Task OptionalBody_NotGiven_SendsNoContent()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new NotesApiClient(handler.Client()).AddNoteAsync();

        Assert.Null(handler.Body);
    }

    [Fact]
    public async Task RequiredNullableBodies_RoundTrip_ThroughTheServer()
    {
        var api = new NotesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<INotesApi>(api).AddNotesApiControllers());
        using var http = host.Client();
        var client = new NotesApiClient(http);

        await client.ReplaceNoteAsync(null);
        await client.SetCounterAsync(null);
        await client.ReplaceNoteAsync(new Note { Text = "é" });
        await client.SetCounterAsync(-7);
        await client.AddNoteAsync();

        Assert.Equal(["note: null", "counter: null", "note: é", "counter: -7", "added: null"], api.Calls);
    }

    [Fact]
    public async Task RequiredNullableBody_MissingOrWrongType_Is400_AndNeverReachesTheImplementation()
    {
        var api = new NotesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<INotesApi>(api).AddNotesApiControllers());
        using var http = host.Client();

        using var empty = await http.PutAsync("notes", new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } });
        using var wrong = await http.PutAsync("counters", new StringContent("\"x\"", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (empty.StatusCode, wrong.StatusCode));
        Assert.Empty(api.Calls);
    }

    private sealed class NotesApi : INotesApi
    {
        public List<string> Calls { get; } = [];

        public Task ReplaceNoteAsync(Note? body, CancellationToken cancellationToken = default)
        {
            Calls.Add("note: " + (body?.Text ?? "null"));
            return Task.CompletedTask;
        }

        public Task AddNoteAsync(Note? body = null, CancellationToken cancellationToken = default)
        {
            Calls.Add("added: " + (body?.Text ?? "null"));
            return Task.CompletedTask;
        }

        public Task SetCounterAsync(int? body, CancellationToken cancellationToken = default)
        {
            Calls.Add("counter: " + (body?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"));
            return Task.CompletedTask;
        }
    }
}
