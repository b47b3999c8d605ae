using System.Net.Http.Headers;
using System.Text;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.AspNetCore.Http;

namespace EvsCodegen.Runtime.Tests.Server;

public sealed class FormTests
{
    private static readonly Func<string, ApiFormField?> s_fields = TestHttp.Fields(
        ("count", ApiFormValueKind.Int32, false),
        ("big", ApiFormValueKind.Int64, false),
        ("ratio", ApiFormValueKind.Double, false),
        ("price", ApiFormValueKind.Decimal, false),
        ("on", ApiFormValueKind.Boolean, false),
        ("name", ApiFormValueKind.String, false),
        ("tags", ApiFormValueKind.String, true),
        ("file", ApiFormValueKind.Binary, false),
        ("files", ApiFormValueKind.Binary, true),
        ("note", ApiFormValueKind.String, false));

    private static async Task<string> UrlEncoded(string body, Func<string, ApiFormField?>? fields = null) =>
        Encoding.UTF8.GetString(await ApiServerRuntime.ReadFormAsJsonAsync(TestHttp.Request("application/x-www-form-urlencoded", body), fields ?? s_fields));

    private static async Task<string> Multipart(MultipartFormDataContent content)
    {
        var http = TestHttp.Request(content.Headers.ContentType!.ToString(), await content.ReadAsByteArrayAsync());
        return Encoding.UTF8.GetString(await ApiServerRuntime.ReadFormAsJsonAsync(http, s_fields));
    }

    private static ByteArrayContent File(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return part;
    }

    [Fact]
    public async Task DeclaredFields_BecomeTheirJsonTypes()
    {
        var json = await UrlEncoded("count=-3&big=4294967296&ratio=1.5e1&price=0.10&on=true&name=caf%C3%A9");

        Assert.Equal("""{"count":-3,"big":4294967296,"ratio":15,"price":0.10,"on":true,"name":"café"}""", json);
    }

    [Fact]
    public async Task UrlEncoded_BinaryField_IsItsBase64Text_AndOtherTextIs400()
    {
        // The client writes bytes in a url-encoded body as base64 (format: byte's own form): the server reads them back.
        Assert.Equal("""{"file":"AAECf4D+/3Y=","files":["AQ==","Ag=="]}""", await UrlEncoded("file=AAECf4D%2B%2F3Y%3D&files=AQ%3D%3D&files=Ag%3D%3D"));

        var failure = await Assert.ThrowsAsync<ApiException>(() => UrlEncoded("file=%C3%A9"));
        Assert.Equal((400, "The field 'file' must be base64 text."), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task RepeatedField_IsAnArray_EvenWithOneValue()
    {
        Assert.Equal("""{"tags":["a","b"]}""", await UrlEncoded("tags=a&tags=b"));
        Assert.Equal("""{"tags":["a"]}""", await UrlEncoded("tags=a"));
    }

    [Fact]
    public async Task UndeclaredField_IsAString_OrStringsWhenGivenMoreThanOnce()
    {
        Assert.Equal("""{"extra":"1"}""", await UrlEncoded("extra=1"));
        Assert.Equal("""{"extra":["1","2"]}""", await UrlEncoded("extra=1&extra=2"));
    }

    [Fact]
    public async Task SingleField_GivenTwice_Is400()
    {
        var failure = await Assert.ThrowsAsync<ApiException>(() => UrlEncoded("count=1&count=2"));

        Assert.Equal((400, "The field 'count' is given more than once."), (failure.StatusCode, failure.Message));
    }

    [Theory]
    [InlineData("count=1.5", "The field 'count' must be a 32-bit integer.")]
    [InlineData("big=x", "The field 'big' must be a 64-bit integer.")]
    [InlineData("ratio=NaN", "The field 'ratio' must be a number.")]
    [InlineData("price=1%2C5", "The field 'price' must be a decimal number.")]
    [InlineData("on=yes", "The field 'on' must be true or false.")]
    public async Task DeclaredField_WithTextOfTheWrongKind_Is400(string body, string message)
    {
        var failure = await Assert.ThrowsAsync<ApiException>(() => UrlEncoded(body));

        Assert.Equal((400, message), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task Numbers_AreInvariant_WhateverTheThreadCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("""{"ratio":1.5}""", await UrlEncoded("ratio=1.5"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task EmptyForm_IsAnEmptyBody()
    {
        Assert.Equal(string.Empty, await UrlEncoded(string.Empty));
    }

    [Fact]
    public async Task Multipart_FilePart_IsBase64_AndTextPartsAreTheirKinds()
    {
        using var content = new MultipartFormDataContent("boundary-1")
        {
            { new StringContent("3"), "count" },
            { File([0, 1, 2, 255]), "file", "data.bin" },
        };

        Assert.Equal("""{"file":"AAEC/w==","count":3}""", await Multipart(content));
    }

    [Fact]
    public async Task Multipart_RepeatedFiles_AreAnArray()
    {
        using var content = new MultipartFormDataContent("boundary-2")
        {
            { File([1]), "files", "a.bin" },
            { File([2]), "files", "b.bin" },
        };

        Assert.Equal("""{"files":["AQ==","Ag=="]}""", await Multipart(content));
    }

    [Fact]
    public async Task Multipart_UndeclaredFile_IsBase64_AndAFileForATextFieldIsItsUtf8Text()
    {
        using var content = new MultipartFormDataContent("boundary-3")
        {
            { File("hi"u8.ToArray()), "unknown", "u.bin" },
            { File("café"u8.ToArray()), "note", "n.txt" },
        };

        Assert.Equal("""{"unknown":"aGk=","note":"café"}""", await Multipart(content));
    }

    [Fact]
    public async Task Multipart_TextPartForABinaryField_IsItsUtf8Bytes()
    {
        using var content = new MultipartFormDataContent("boundary-4") { { new StringContent("é"), "file" } };

        Assert.Equal("""{"file":"w6k="}""", await Multipart(content));
    }

    [Fact]
    public async Task Multipart_FieldGivenAsTextAndAsFile_Is400()
    {
        using var content = new MultipartFormDataContent("boundary-5")
        {
            { new StringContent("text"), "file" },
            { File([1]), "file", "f.bin" },
        };

        var failure = await Assert.ThrowsAsync<ApiException>(() => Multipart(content));

        Assert.Equal((400, "The field 'file' is given both as text and as a file."), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task Multipart_WithoutABoundary_Is400()
    {
        var http = TestHttp.Request("multipart/form-data", "--x\r\n");

        var failure = await Assert.ThrowsAsync<ApiException>(() => ApiServerRuntime.ReadFormAsJsonAsync(http, s_fields));

        Assert.Equal((400, "The request body is not a valid form."), (failure.StatusCode, failure.Message));
    }
}
