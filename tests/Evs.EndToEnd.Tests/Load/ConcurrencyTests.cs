using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// Concurrent updates over real HTTP: last writer wins per field, concurrent updates of different fields lose neither,
/// failures among them change nothing, and nothing answers 5xx.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Writers = 32;
    private const int Rounds = 5;

    [Fact]
    public async Task ParallelPutsOfTheSameField_EachAnswerCarriesItsOwnName_AndTheFinalNameIsOneOfThem()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var requests = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var names = Enumerable.Range(0, Writers).Select(i => $"round-{round}-writer-{i}").ToArray();
            var answers = await AllAtOnceAsync(names.Select(name => (Func<Task<(HttpStatusCode, string)>>)(() => PutAsync(http, name: name))));
            requests += answers.Length;

            for (var i = 0; i < Writers; i++)
            {
                Assert.True(answers[i].Status == HttpStatusCode.OK, answers[i].Body);
                Assert.Equal(names[i], Field(answers[i].Body, "name"));
            }

            var final = await server.GetSnapshotJsonAsync();
            Assert.Contains(Field(final, "name"), names);
            Assert.Equal("Daily backup", Field(final, "description"));
            // The stored state is exactly what one of the writers was answered: no torn or merged write.
            Assert.Contains(Field(final, "updated_at"), answers.Where(a => Field(a.Body, "name") == Field(final, "name")).Select(a => Field(a.Body, "updated_at")));
        }

        output.WriteLine($"same field: {requests} concurrent PUTs in {Rounds} rounds of {Writers}, all 200");
    }

    [Fact]
    public async Task ParallelPutsOfDifferentFields_LoseNeither()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var requests = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var names = Enumerable.Range(0, Writers / 2).Select(i => $"name-{round}-{i}").ToArray();
            var descriptions = Enumerable.Range(0, Writers / 2).Select(i => $"description-{round}-{i}").ToArray();
            var work = names.Select(n => (Func<Task<(HttpStatusCode, string)>>)(() => PutAsync(http, name: n)))
                .Concat(descriptions.Select(d => (Func<Task<(HttpStatusCode, string)>>)(() => PutAsync(http, description: d))));
            var answers = await AllAtOnceAsync(work);
            requests += answers.Length;

            Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, a.Body));
            var final = await server.GetSnapshotJsonAsync();
            Assert.Contains(Field(final, "name"), names);
            Assert.Contains(Field(final, "description"), descriptions);
        }

        output.WriteLine($"different fields: {requests} concurrent PUTs in {Rounds} rounds, names and descriptions both kept every round");
    }

    [Fact]
    public async Task ParallelValidAndInvalidPuts_AndGets_OnlyValidOnesLand_AndNothingAnswers5xx()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var valid = Enumerable.Range(0, Writers).Select(i => $"valid-{i}").ToArray();
        var work = new List<Func<Task<(HttpStatusCode, string)>>>();
        for (var i = 0; i < Writers; i++)
        {
            var name = valid[i];
            work.Add(() => PutAsync(http, name: name));
            work.Add(() => PutRawAsync(http, "{\"snapshot\": {\"name\": \"" + new string('x', 256) + "\"}}"));
            work.Add(() => PutRawAsync(http, "{\"snapshot\": {\"name\": \"invalid-" + i + "\", \"size\": 1}}"));
            work.Add(() => PutRawAsync(http, "{\"snapshot\": {\"name\": \"reader-" + i + "\"}}", EvsTestServer.ReaderToken));
            work.Add(() => PutRawAsync(http, "{\"snapshot\": {\"name\": \"broken-" + i));
            work.Add(async () =>
            {
                using var response = await http.GetSnapshotAsync();
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            });
        }

        var answers = await AllAtOnceAsync(work);

        Assert.All(answers, a => Assert.True((int)a.Status < 500, a.Body));
        Assert.Equal(Writers * 2, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(Writers, answers.Count(a => a.Status == HttpStatusCode.Forbidden));
        Assert.Equal(Writers * 3, answers.Count(a => a.Status == HttpStatusCode.BadRequest));
        var seen = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => Field(a.Body, "name")).ToArray();
        Assert.All(seen, name => Assert.True(name == "snap-001" || valid.Contains(name), name));
        Assert.Contains(Field(await server.GetSnapshotJsonAsync(), "name"), valid);
        output.WriteLine($"mixed: {answers.Length} concurrent requests ({Writers} valid PUTs, {Writers * 4} failing PUTs, {Writers} GETs), no 5xx, only valid names ever seen");
    }

    /// <summary>Starts every request at once (a gate opens them together) and waits for all, within a bound.</summary>
    private static async Task<(HttpStatusCode Status, string Body)[]> AllAtOnceAsync(IEnumerable<Func<Task<(HttpStatusCode, string)>>> work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = work.Select(async run =>
        {
            await gate.Task;
            return await run();
        }).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static Task<(HttpStatusCode, string)> PutAsync(HttpClient http, string? name = null, string? description = null) =>
        PutRawAsync(http, JsonSerializer.Serialize(new { snapshot = new Dictionary<string, string?> { ["name"] = name, ["description"] = description }.Where(p => p.Value is not null).ToDictionary() }));

    private static async Task<(HttpStatusCode, string)> PutRawAsync(HttpClient http, string body, string token = EvsTestServer.MemberToken)
    {
        using var response = await http.PutAsync(body, token: token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Field(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("snapshot").GetProperty(name).GetString()!;
    }
}
