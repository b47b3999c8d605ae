using System.Net;
using EvsCodegen.GeneratedCode.Tests.Streams;
using EvsCodegen.TestSupport;
using GeneratedCode.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>Tests that measure the process's allocations run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(AllocationMeasuring), DisableParallelization = true)]
public sealed class AllocationMeasuring
{
}

/// <summary>
/// Multipart file parts as streams over real HTTP (Documents/files.yaml, the generated client against the generated
/// server on 127.0.0.1): a part far larger than anything either side may hold in memory goes from the caller's stream to
/// the implementation's with the process's allocations bounded well below its size, its file name and media type
/// arrive, a missing required part is a 400 and a form past the server's limits a 413. The derived class runs the same
/// bodies against the generated minimal-API endpoints.
/// </summary>
[Collection(nameof(AllocationMeasuring))]
public class MultipartStreamTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LargeFilePart_ReachesTheImplementation_AsAStream_WithoutBeingHeldInMemory()
    {
        var api = new FilesApi();
        await using var host = await StartAsync(api, services => services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = null));
        using var http = host.Client();
        const long size = 96L * 1024 * 1024;
        var source = new PatternStream(size, holdAfter: null, seekable: false);
        var client = new FilesApiClient(http);
        await client.UploadAsync(new UploadForm { File = ApiFile.FromBytes([1]), Title = "warm-up" }).WaitAsync(s_bound);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await client.UploadAsync(new UploadForm { File = new ApiFile(source, "application/x-pattern", fileName: "big.bin"), Title = "Big" }).WaitAsync(s_bound);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(size, api.Received);
        Assert.True(api.AllMatched);
        Assert.Equal(("big.bin", "application/x-pattern", size, "Big"), (api.FileName, api.ContentType, api.Length, api.Title));
        Assert.False(api.StreamType!.IsAssignableTo(typeof(MemoryStream)));
        // Client and server share this process: either copying the part into memory would allocate its 96 MiB at least.
        Assert.True(allocated < size / 6, $"{allocated:N0} bytes allocated to send and receive a {size:N0}-byte part");
        Assert.True(source.CanRead, "the caller's stream stays open: the caller owns it");
    }

    [Fact]
    public async Task FileNameAndMediaType_OfEveryPart_Arrive_AndAnOptionalBodyMayBeAbsent()
    {
        var api = new FilesApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        var client = new FilesApiClient(http);

        await client.UploadAsync(new UploadForm
        {
            File = ApiFile.FromBytes([1, 2], "image/png", "a.png"),
            Attachments = [ApiFile.FromBytes([3], "text/csv", "b.csv"), ApiFile.FromBytes([4, 5, 6])],
        }).WaitAsync(s_bound);
        await client.AttachNoteAsync(new AttachNoteForm { Note = ApiFile.FromBytes("hi"u8.ToArray(), "text/plain", "n.txt"), Author = "Ann" }).WaitAsync(s_bound);
        await client.AttachNoteAsync().WaitAsync(s_bound);

        Assert.Equal(["a.png image/png 2", "b.csv text/csv 1", "attachments application/octet-stream 3", "n.txt text/plain 2 by Ann", "no note"], api.Seen);
    }

    [Fact]
    public async Task MissingRequiredPart_Is400_AndTheImplementationIsNotCalled()
    {
        var api = new FilesApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        using var content = new MultipartFormDataContent { { new StringContent("Report"), "title" } };

        using var response = await http.PostAsync(new Uri("files", UriKind.Relative), content).WaitAsync(s_bound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"status\":400,\"message\":\"Invalid request body: the required key 'file' is missing.\"}", await response.Content.ReadAsStringAsync());
        Assert.Empty(api.Seen);
    }

    [Theory]
    [InlineData("kestrel")]
    [InlineData("form")]
    public async Task FormPastTheServersLimit_Is413(string limit)
    {
        var api = new FilesApi();
        await using var host = await StartAsync(api, services =>
        {
            if (limit == "kestrel")
            {
                services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 32 * 1024);
            }
            else
            {
                services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 32 * 1024);
            }
        });
        using var http = host.Client();

        // Small enough for the socket to take whole, so the client reads the answer rather than a reset.
        var error = await Assert.ThrowsAsync<ApiException>(() => new FilesApiClient(http)
            .UploadAsync(new UploadForm { File = new ApiFile(new PatternStream(100 * 1024, holdAfter: null, seekable: true)) }).WaitAsync(s_bound));

        Assert.Equal(413, error.StatusCode);
        Assert.Equal("The request body is too large.", error.Message);
        Assert.Empty(api.Seen);
    }

    [Fact]
    public async Task ObjectParts_TravelAsJsonParts_InTheirEncodingsMediaType_AndAreValidatedAsJson()
    {
        var api = new FilesApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        var client = new FilesApiClient(http);

        var echoed = await client.UploadDescribedAsync(new UploadDescribedForm
        {
            Meta = new Meta { Name = "ann", Size = 3 },
            Related = [new Meta { Name = "bob" }, new Meta { Name = "cy", Size = -1 }],
            Doc = ApiFile.FromBytes([37, 80, 68, 70]),
            Checksum = [0xff, 0x00, 0xfe],
        }).WaitAsync(s_bound);

        Assert.Equal("meta ann 3, related bob,cy, doc application/pdf 4, checksum 255,0,254", echoed);

        // A JSON part is checked by the schema as any JSON value: too long a name, or text that is not JSON, is a 400.
        foreach (var (meta, expected) in new[]
        {
            ("{\"name\":\"toolong\"}", "Invalid value at 'meta.name': expected at most 5 characters, got 7."),
            ("{name: 1}", "The field 'meta' must be a JSON value."),
        })
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(meta, System.Text.Encoding.UTF8, "application/json"), "meta" },
                { new ByteArrayContent([1]), "doc", "doc.pdf" },
            };
            using var response = await http.PostAsync(new Uri("files/described", UriKind.Relative), content).WaitAsync(s_bound);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("{\"status\":400,\"message\":\"" + expected + "\"}", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The generated server these tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    private Task<KestrelHost> StartAsync(FilesApi api, Action<IServiceCollection>? more = null) => FlavourHost.StartAsync(
        Flavour,
        services =>
        {
            services.AddSingleton<IFilesApi>(api);
            more?.Invoke(services);
        },
        services => services.AddFilesApiControllers(),
        app => app.MapFilesApi());

    private sealed class FilesApi : IFilesApi
    {
        public List<string> Seen { get; } = [];

        public long Received { get; private set; }

        public bool AllMatched { get; private set; } = true;

        public Type? StreamType { get; private set; }

        public string? FileName { get; private set; }

        public string? ContentType { get; private set; }

        public long? Length { get; private set; }

        public string? Title { get; private set; }

        public async Task UploadAsync(UploadForm body, CancellationToken cancellationToken = default)
        {
            if (body.Title is not null)
            {
                // One part, read as it is handed over, in 64 KiB slices.
                (StreamType, FileName, ContentType, Length, Title) = (body.File.Content.GetType(), body.File.FileName, body.File.ContentType, body.File.Length, body.Title);
                (Received, AllMatched) = (0, true);
                var buffer = new byte[64 * 1024];
                while (await body.File.Content.ReadAsync(buffer, cancellationToken) is var count and > 0)
                {
                    AllMatched &= Pattern.Matches(buffer.AsSpan(0, count), Received);
                    Received += count;
                }

                return;
            }

            foreach (var file in new[] { body.File }.Concat(body.Attachments ?? []))
            {
                Seen.Add($"{file.FileName} {file.ContentType} {file.Length}");
            }
        }

        public Task<string> UploadDescribedAsync(UploadDescribedForm body, CancellationToken cancellationToken = default) =>
            Task.FromResult($"meta {body.Meta.Name} {body.Meta.Size}, related {string.Join(",", (body.Related ?? []).Select(m => m.Name))}, doc {body.Doc.ContentType} {body.Doc.Length}, checksum {string.Join(",", body.Checksum ?? [])}");

        public Task AttachNoteAsync(AttachNoteForm? body = null, CancellationToken cancellationToken = default)
        {
            Seen.Add(body?.Note is { } note ? $"{note.FileName} {note.ContentType} {note.Length} by {body.Author}" : "no note");
            return Task.CompletedTask;
        }
    }
}

/// <summary>The same multipart streams against the generated minimal-API endpoints.</summary>
public sealed class MultipartStreamMinimalTests : MultipartStreamTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
