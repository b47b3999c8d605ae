using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using GeneratedCode.Discriminators;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// A discriminator (Documents/discriminators.yaml: with a mapping that names Transfer twice, and without one) is set
/// from the alternative on write, where the caller cannot set it, and checked on read by the server (400 in the
/// document's error shape, the implementation never called) and by the client (its usual <see cref="ApiException"/>).
/// </summary>
public sealed class DiscriminatorTests
{
    [Fact]
    public void Write_PutsTheValueThatNamesTheAlternative_EvenWhereTheAlternativeDeclaresNoSuchProperty()
    {
        Payment card = new Card { Number = "4111" };
        Payment transfer = new Transfer { Iban = "DE02" };

        Assert.Equal("""{"kind":"card","number":"4111"}""", Json(card, PaymentJsonConverter.WriteValue));
        Assert.Equal("""{"kind":"wire","iban":"DE02"}""", Json(transfer, PaymentJsonConverter.WriteValue));
        Assert.Equal(("card", "wire"), (new Card { Number = "1" }.Kind, new Transfer { Iban = "x" }.Kind));
    }

    [Theory]
    [InlineData("""{"kind":"transfer","iban":"x"}""", "Transfer x")]
    [InlineData("""{"kind":"wire","iban":"x"}""", "Transfer x")]
    [InlineData("""{"number":"1","kind":"card"}""", "Card 1")]
    [InlineData("""{"kind":"bitcoin","iban":"x"}""", "error at '': the discriminator 'kind' is 'bitcoin', which names none of 'card', 'wire', 'transfer'")]
    [InlineData("""{"kind":"card","iban":"x"}""", "error at '': the key 'iban' is not allowed (keys are case-sensitive)")]
    [InlineData("""{"iban":"x"}""", "error at '': the value matches none of Card (the key 'iban' is not allowed (keys are case-sensitive)); Transfer (the required key 'kind' is missing)")]
    public void Read_PicksTheNamedAlternative_AndRefusesAValueThatNamesNone(string json, string expected)
    {
        Assert.Equal(expected, Read(json, strict: true));

        // Lenient reading (the client's) refuses the same payloads, if not always for the same first reason.
        Assert.Equal(expected.StartsWith("error", StringComparison.Ordinal), Read(json, strict: false).StartsWith("error", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_OfTheAlternativeItself_RefusesAValueThatNamesAnotherType()
    {
        var failure = Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize("""{"kind":"card","iban":"x"}"""u8.ToArray(), TransferJsonConverter.ReadValue, strict: false));

        Assert.Equal(("", "the discriminator 'kind' is 'card', which does not name Transfer (expected 'wire', 'transfer')"), (failure.Location, failure.Problem));
    }

    [Fact]
    public async Task RoundTrip_ThroughTheServer_KeepsTheAlternative()
    {
        var api = new PaymentsApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        var answer = await new PaymentsApiClient(http).PayAsync(new Transfer { Iban = "DE02 é" });

        Assert.Equal(("DE02 é", "DE02 é"), (api.Received?.Transfer?.Iban, answer.Transfer?.Iban));
        Assert.Null(answer.Card);
    }

    [Theory]
    [InlineData("payments", """{"kind":"bitcoin","number":"1"}""", "the discriminator 'kind' is 'bitcoin', which names none of 'card', 'wire', 'transfer'")]
    [InlineData("transfers", """{"kind":"card","iban":"x"}""", "the discriminator 'kind' is 'card', which does not name Transfer (expected 'wire', 'transfer')")]
    public async Task Server_RefusesAWrongDiscriminator_With400_AndNeverCallsTheImplementation(string path, string json, string message)
    {
        var api = new PaymentsApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(api.Received);
    }

    [Theory]
    [InlineData("""{"shapeType":"Circle","radius":1.5}""", null)]
    [InlineData("""{"shapeType":"Hexagon","side":1}""", "the discriminator 'shapeType' is 'Hexagon', which names none of 'Circle', 'Square'")]
    [InlineData("""{"shapeType":"Square","radius":1}""", "the required key 'side' is missing")]
    public async Task Client_RefusesAnAnswerWithAWrongDiscriminator(string json, string? problem)
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, json);
        var client = new PaymentsApiClient(handler.Client());

        if (problem is null)
        {
            Assert.Equal(1.5, (await client.GetShapeAsync()).Circle?.Radius);
            return;
        }

        var failure = await Assert.ThrowsAsync<ApiException>(() => client.GetShapeAsync());
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    private static Task<KestrelHost> StartAsync(PaymentsApi api) =>
        KestrelHost.StartAsync(services => services.AddSingleton<IPaymentsApi>(api).AddPaymentsApiControllers());

    private static string Json<T>(T value, Action<System.Text.Json.Utf8JsonWriter, T> write) => Encoding.UTF8.GetString(ApiJsonValue.Serialize(value, write));

    private static string Read(string json, bool strict)
    {
        try
        {
            var payment = ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), PaymentJsonConverter.ReadValue, strict);
            return payment.Card is { } card ? "Card " + card.Number : "Transfer " + payment.Transfer!.Iban;
        }
        catch (ApiJsonException e)
        {
            return $"error at '{e.Location}': {e.Problem}";
        }
    }

    private sealed class PaymentsApi : IPaymentsApi
    {
        public Payment? Received { get; private set; }

        public Task<Payment> PayAsync(Payment body, CancellationToken cancellationToken = default)
        {
            Received = body;
            return Task.FromResult(body);
        }

        public Task TransferAsync(Transfer body, CancellationToken cancellationToken = default)
        {
            Received = body;
            return Task.CompletedTask;
        }

        public Task<Shape> GetShapeAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
