using System.Text;

namespace EvsCodegen.Runtime.Tests.Errors;

public sealed class ApiFaultTableTests
{
    internal static readonly ApiFaultTable Keyed = new(
        keyedEnvelope: true,
        new ApiFault(400, "badRequest", "EVS.5400"),
        new ApiFault(404, "itemNotFound", "EVS.5404"),
        new ApiFault(500, "computeFault", "EVS.5500"));

    internal static readonly ApiFaultTable Plain = new(keyedEnvelope: false);

    internal static string Error(ApiFaultTable table, int status, string message) =>
        Encoding.UTF8.GetString(ApiJsonValue.Serialize((table, status, message), static (writer, e) => e.table.WriteError(writer, e.status, e.message)));

    [Theory]
    [InlineData(404, "itemNotFound", "EVS.5404")]
    [InlineData(409, "badRequest", "EVS.5400")]
    [InlineData(499, "badRequest", "EVS.5400")]
    [InlineData(503, "computeFault", "EVS.5500")]
    public void NameAndCode_OfAStatus_AreTheDocumentedOnes_ElseThoseOf400Or500(int status, string name, string code)
    {
        Assert.Equal((name, code), (Keyed.NameOf(status), Keyed.CodeOf(status)));
    }

    [Fact]
    public void NameAndCode_WithoutAFallbackFault_AreNull()
    {
        var table = new ApiFaultTable(true, new ApiFault(404, "itemNotFound", "EVS.5404"));

        Assert.Equal((null, null), (table.NameOf(409), table.CodeOf(503)));
    }

    [Fact]
    public void KeyedEnvelope_IsKeyedByTheFaultName()
    {
        Assert.Equal("""{"itemNotFound":{"message":"No such snapshot.","code":"EVS.5404"}}""", Error(Keyed, 404, "No such snapshot."));
    }

    [Fact]
    public void KeyedEnvelope_ForAStatusWithoutAFault_UsesErrorAndTheStatusAsCode()
    {
        Assert.Equal("""{"error":{"message":"m","code":"418"}}""", Error(new ApiFaultTable(true), 418, "m"));
    }

    [Fact]
    public void WithoutTheEnvelope_TheBodyIsStatusAndMessage()
    {
        Assert.False(Plain.HasEnvelope);
        Assert.Equal("""{"status":404,"message":"gone"}""", Error(Plain, 404, "gone"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WrittenError_ReadsBack(bool keyed)
    {
        var table = keyed ? Keyed : Plain;

        Assert.True(table.TryReadError(Encoding.UTF8.GetBytes(Error(table, 404, "gone \"now\"")), "application/json", out var name, out var code, out var message));

        Assert.Equal(keyed ? ("itemNotFound", "EVS.5404", "gone \"now\"") : (null, null, "gone \"now\""), (name, code, message));
    }

    [Fact]
    public void NumericCode_IsReadAsItsText()
    {
        Assert.True(Keyed.TryReadError("""{"badRequest":{"code":5400,"extra":[1],"message":"m"}}"""u8, "application/json", out _, out var code, out _));

        Assert.Equal("5400", code);
    }

    [Theory]
    [InlineData("""{"badRequest":{"message":"m"}}""", "text/plain")]
    [InlineData("""{"badRequest":{"message":"m"}}""", null)]
    [InlineData("""{"badRequest":{"message":""", "application/json")]
    [InlineData("""<html>oops</html>""", "application/json")]
    [InlineData("""[1]""", "application/json")]
    [InlineData("""{"badRequest":"m"}""", "application/json")]
    [InlineData("""{"badRequest":{"code":"EVS.5400"}}""", "application/json")]
    [InlineData("""{}""", "application/json")]
    public void Body_ThatIsNotTheDocumentedError_IsNotRead(string body, string? mediaType)
    {
        Assert.False(Keyed.TryReadError(Encoding.UTF8.GetBytes(body), mediaType, out _, out _, out _));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/problem+json;charset=UTF-8")]
    [InlineData(" Application/JSON ")]
    public void JsonMediaType_WithParametersOrSpaces_IsRead(string mediaType)
    {
        Assert.True(Keyed.TryReadError("""{"badRequest":{"message":"m","code":"EVS.5400"}}"""u8, mediaType, out var name, out _, out var message));
        Assert.Equal(("badRequest", "m"), (name, message));
    }

    [Theory]
    [InlineData("text/plain; format=json")]
    [InlineData("text/html;charset=utf-8")]
    public void MediaTypeWhoseParametersMentionJson_IsNotRead(string mediaType)
    {
        Assert.False(Keyed.TryReadError("""{"badRequest":{"message":"m"}}"""u8, mediaType, out _, out _, out _));
    }

    [Fact]
    public void ProblemJson_IsJson()
    {
        Assert.True(Plain.TryReadError("""{"status":400,"message":"m"}"""u8, "application/problem+json", out _, out _, out var message));
        Assert.Equal("m", message);
    }

    [Fact]
    public void Faults_AreCopied_SoTheCallersArrayCannotChangeTheTable()
    {
        var faults = new[] { new ApiFault(404, "itemNotFound", "EVS.5404") };
        var table = new ApiFaultTable(true, faults);

        faults[0] = new ApiFault(404, "changed", "X");

        Assert.Equal("itemNotFound", table.NameOf(404));
    }
}
