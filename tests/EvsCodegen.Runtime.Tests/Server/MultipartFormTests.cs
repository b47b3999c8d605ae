using System.Net.Http.Headers;
using System.Text;
using EvsCodegen.Runtime.AspNetCore;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary>
/// <see cref="ApiServerRuntime.ReadMultipartFormAsync"/>: file parts of binary fields as streams (a placeholder in the
/// JSON), JSON parts as values, text as <see cref="ApiServerRuntime.ReadFormAsJsonAsync(Microsoft.AspNetCore.Http.HttpContext, Func{string, ApiFormField?})"/>
/// writes it; <see cref="ApiServerRuntime.ReadFormUnionAsync"/> tries each alternative's typing.
/// </summary>
public sealed class MultipartFormTests
{
    private static readonly Func<string, ApiFormField?> s_fields = TestHttp.Fields(
        ("count", ApiFormValueKind.Int32, false),
        ("file", ApiFormValueKind.Binary, false),
        ("files", ApiFormValueKind.Binary, true),
        ("meta", ApiFormValueKind.Json, false));

    private static async Task<ApiMultipartForm> Read(MultipartFormDataContent content) =>
        await ApiServerRuntime.ReadMultipartFormAsync(TestHttp.Request(content.Headers.ContentType!.ToString(), await content.ReadAsByteArrayAsync()), s_fields);

    private static ByteArrayContent Part(byte[] bytes, string contentType)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return part;
    }

    private static async Task<string> Bytes(ApiFile file)
    {
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        return string.Join(",", copy.ToArray());
    }

    [Fact]
    public async Task FileParts_AreStreams_WithTheirNamesAndMediaTypes_AndPlaceholdersInTheJson()
    {
        using var content = new MultipartFormDataContent
        {
            { Part([1, 2], "image/png"), "file", "a.png" },
            { Part([3], "text/csv"), "files", "b.csv" },
            { Part([4, 5], "application/octet-stream"), "files", "c.bin" },
            { new StringContent("7"), "count" },
            { new StringContent("{\"a\":[1,true]}"), "meta" },
        };

        var form = await Read(content);

        Assert.Equal("""{"file":"","files":["",""],"count":7,"meta":{"a":[1,true]}}""", Encoding.UTF8.GetString(form.Json));
        var file = form.File("file")!;
        Assert.Equal(("a.png", "image/png", 2L), (file.FileName, file.ContentType, file.Length));
        // Read out of order: each part keeps its own position over the one buffered body.
        Assert.Equal("4,5", await Bytes(form.Files("files")![1]));
        Assert.Equal("1,2", await Bytes(file));
        Assert.Equal("3", await Bytes(form.Files("files")![0]));
        Assert.Null(form.File("other"));
    }

    [Fact]
    public async Task TextPartForABinaryField_IsAFileOfItsUtf8Bytes_AndAJsonPartMustBeJson()
    {
        using var text = new MultipartFormDataContent { { new StringContent("é"), "file" } };
        Assert.Equal("195,169", await Bytes((await Read(text)).File("file")!));

        using var notJson = new MultipartFormDataContent { { new StringContent("{a:1}"), "meta" } };
        var failure = await Assert.ThrowsAsync<ApiException>(() => Read(notJson));
        Assert.Equal((400, "The field 'meta' must be a JSON value."), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task UnionForm_IsReadByTheFirstAlternativeWhoseTypingReads()
    {
        // Alternative 1 types 'n' as an integer, alternative 2 as a string; the reader stands in for a union converter.
        string[] shapes = ["""{"root":0,"objects":[{"properties":{"n":"int32"}}]}""", """{"root":0,"objects":[{"properties":{"n":"string"}}]}"""];
        ApiJsonReadFunc<string> read = (ref System.Text.Json.Utf8JsonReader reader, ApiJsonReader context) =>
        {
            using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
            return document.RootElement.GetProperty("n").ValueKind.ToString();
        };

        Assert.Equal("Number", await ApiServerRuntime.ReadFormUnionAsync(TestHttp.Request("application/x-www-form-urlencoded", "n=5"), shapes, read));
        Assert.Equal("String", await ApiServerRuntime.ReadFormUnionAsync(TestHttp.Request("application/x-www-form-urlencoded", "n=five"), shapes, read));
    }

    [Fact]
    public void JsonAndFileParts_CarryTheirMediaTypes()
    {
        using var buffered = new MultipartFormDataContent();
        ApiClientRuntime.AddFormJson(buffered, "meta", "{}"u8.ToArray(), null);
        using var streamed = new MultipartFormDataContent();
        ApiClientRuntime.AddFormFile(streamed, "file", ApiFile.FromBytes([1]), "application/pdf");

        Assert.Equal("application/json", buffered.First().Headers.ContentType!.MediaType);
        Assert.Equal("application/pdf", streamed.First().Headers.ContentType!.MediaType);
    }
}
