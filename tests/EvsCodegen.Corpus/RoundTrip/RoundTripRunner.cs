using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using EvsCodegen.Runtime.AspNetCore;
using EvsCodegen.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// The round-trip mode: each document's generated server, hosted in-process over recording implementations, driven by
/// its generated client (through Prism when <paramref name="prism"/> is given), then probed with invalid requests.
/// </summary>
/// <param name="prism">The Prism executable; null runs without the independent oracle.</param>
/// <param name="generationTimeout">How long one document's generation may take (<c>--timeout</c>); the corpus runner's default when null.</param>
/// <param name="flavour">The generated server hosted (<c>--flavour</c>): the MVC controllers or the minimal-API endpoints.</param>
internal sealed class RoundTripRunner(string? prism, TimeSpan? generationTimeout = null, RoundTripFlavour flavour = RoundTripFlavour.Mvc)
{
    private static readonly TimeSpan s_prismStart = TimeSpan.FromSeconds(60);

    /// <summary>Runs every document, <paramref name="parallelism"/> at a time; results come back in document order.</summary>
    public IReadOnlyList<RoundTripResult> Run(IReadOnlyList<CorpusDocument> documents, int parallelism, Action<RoundTripResult>? progress = null)
    {
        var results = new RoundTripResult[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            results[i] = RunAsync(documents[i]).GetAwaiter().GetResult();
            progress?.Invoke(results[i]);
        });
        return results;
    }

    /// <summary>Runs one document.</summary>
    public async Task<RoundTripResult> RunAsync(CorpusDocument document)
    {
        var result = new RoundTripResult(document.Name);
        // The minimal flavour is emitted beside the controllers (the contract and the models are the same code) and mapped alone.
        var emit = flavour == RoundTripFlavour.Minimal ? DocumentRunner.Emit + ";minimal" : DocumentRunner.Emit;
        // The round trip drives operations, so it runs with the default OpenApiModels (only reached schemas); the
        // corpus table compiles every schema.
        var generation = CorpusRunner.RunOne(document, generationTimeout ?? CorpusRunner.DefaultTimeout, keepCompilation: true, emit: emit, models: string.Empty);
        if (generation.Outcome != Outcome.Ok || generation.Compilation is null)
        {
            result.Findings.Add(new Finding(document.Name, "*", FindingKind.NotDriven, "generation", $"{generation.Outcome}: {generation.Failure}"));
            return result;
        }

        var model = Parse(document);
        if (model is null || model.Surfaces.Count == 0)
        {
            return result;
        }

        result.Operations = model.Surfaces.Sum(s => s.Operations.Count);
        try
        {
            await DriveAsync(document, model, generation, result).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever stops one document is reported on its row; the others still run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            result.Findings.Add(new Finding(document.Name, "*", FindingKind.NotDriven, "host", $"{e.GetType().Name}: {e.Message}"));
        }

        return result;
    }

    private async Task DriveAsync(CorpusDocument document, ApiModel model, DocumentResult generation, RoundTripResult result)
    {
        using var generated = GeneratedAssembly.Load(generation.Compilation!, RecordingApi.ProxySource);
        var contracts = new Dictionary<Type, object>();
        var recorders = new Dictionary<SurfaceModel, (Type Contract, RecordingApi Recorder)>();
        foreach (var surface in model.Surfaces)
        {
            var contract = generated.Assembly.GetType($"{document.Namespace}.{surface.InterfaceName}");
            if (contract is null)
            {
                result.Findings.AddRange(surface.Operations.Select(o => new Finding(document.Name, o.OperationId, FindingKind.NotDriven, "contract", $"no type {surface.InterfaceName}")));
                continue;
            }

            var (instance, recorder) = RecordingApi.Create(contract, generated.Assembly);
            contracts[contract] = instance;
            recorders[surface] = (contract, recorder);
        }

        var endpoints = flavour == RoundTripFlavour.Minimal ? MinimalEndpoints(document, model, generated) : null;
        await using var host = await KestrelHost.StartAsync(
            services =>
            {
                foreach (var (contract, implementation) in contracts)
                {
                    services.AddSingleton(contract, implementation);
                }

                if (endpoints is null)
                {
                    services.AddControllers().PartManager.ApplicationParts.Add(new AssemblyPart(generated.Assembly));
                }
                else
                {
                    // What each Add…Endpoints<T> registers besides the backend (which is the recorder here).
                    ApiSecurityServiceCollectionExtensions.AddApiSecurityAnswers(services);
                }

                RoundTripSecurity.Add(services, model);
            },
            null,
            endpoints).ConfigureAwait(false);
        // The server's routes start with the servers' base path: the client's address is the server URL, base path included.
        // Prism ignores base paths (it matches the request's path against 'paths' alone), so it hears the bare path and
        // forwards to the server URL.
        var serverUrl = new Uri(host.Address, (model.Context.Server?.BasePath ?? string.Empty).TrimStart('/') + "/");
        PrismProxy? proxy = null;
        if (prism is not null)
        {
            try
            {
                var prismDocument = PrismDocument.For(document.Path, Path.Combine(Path.GetTempPath(), "evscodegen-prism", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)), out var stripped);
                result.PrismDocumentStripped = stripped;
                proxy = await PrismProxy.StartAsync(prism, prismDocument, serverUrl, s_prismStart).ConfigureAwait(false);
                result.ThroughPrism = true;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Prism cannot read some documents (a dangling $ref, a property named $ref): listed, and the traffic goes straight to the server.
                result.Findings.Add(new Finding(document.Name, "*", FindingKind.NotDriven, "prism start", e.Message));
            }
        }

        try
        {
            using var traffic = new TrafficRecorder(new SocketsHttpHandler { UseCookies = false })
            {
                DirectPathPrefix = proxy is null ? string.Empty : (model.Context.Server?.BasePath ?? string.Empty).TrimEnd('/'),
            };
            using var clientHttp = new HttpClient(traffic) { BaseAddress = proxy?.Address ?? serverUrl, Timeout = TimeSpan.FromSeconds(30) };

            // The generated client carries API keys itself; OAuth2 and HTTP schemes are the caller's HttpClient's business, as here:
            // each operation gets the Authorization header its security requirement asks for.
            var credentials = SecurityCredentials.Read(document.Text);
            using var serverHttp = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
            var session = new DocumentSession(result, model, generated, traffic, serverHttp) { PrismDown = () => proxy is { HasExited: true } };
            foreach (var (surface, (contract, recorder)) in recorders)
            {
                session.Clients[contract] = CreateClient(generated, document.Namespace, surface, clientHttp);
                foreach (var operation in surface.Operations)
                {
                    clientHttp.DefaultRequestHeaders.Authorization = credentials.For(operation);
                    await DriveOperationAsync(session, operation, contract, recorder).ConfigureAwait(false);
                    if (proxy is { HasExited: true })
                    {
                        // Prism died on this operation's traffic (its own defect): reported against the operation, which is then
                        // driven again straight against the server, so its calls are still checked (without the oracle);
                        // a new Prism serves the next operations.
                        result.Findings.Add(new Finding(document.Name, operation.OperationId, FindingKind.NotDriven, "prism exited", "prism crashed on this operation's traffic (a Prism defect); the operation was driven again without Prism: " + proxy.Reason));
                        result.Findings.RemoveAll(f => f.Operation == operation.OperationId && f.Kind == FindingKind.NotDriven && f.Check == "invalid requests");
                        await proxy.DisposeAsync().ConfigureAwait(false);
                        traffic.Direct = host.Address;
                        try
                        {
                            result.WithoutPrism.Add(operation.OperationId);
                            await DriveOperationAsync(session, operation, contract, recorder, countDriven: false).ConfigureAwait(false);
                        }
                        finally
                        {
                            traffic.Direct = null;
                        }

                        proxy = await PrismProxy.StartAsync(prism!, document.Path, serverUrl, s_prismStart).ConfigureAwait(false);
                        traffic.Upstream = proxy.Address;
                    }
                }
            }
        }
        finally
        {
            if (proxy is not null)
            {
                await proxy.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task DriveOperationAsync(DocumentSession session, OperationModel operation, Type contract, RecordingApi recorder, bool countDriven = true)
    {
        var result = session.Result;
        var method = contract.GetMethod(operation.MethodName + "Async");
        if (method is null)
        {
            result.Findings.Add(new Finding(result.Name, operation.OperationId, FindingKind.NotDriven, "contract", $"no method {operation.MethodName}Async"));
            return;
        }

        try
        {
            await new OperationDriver(session, operation, method, recorder).DriveAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A harness failure on one operation is reported as not driven, with its reason; the others still run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            result.Findings.Add(new Finding(result.Name, operation.OperationId, FindingKind.NotDriven, "driver", $"{e.GetType().Name}: {e.Message}"));
        }

        if (countDriven && !result.Findings.Any(f => f.Operation == operation.OperationId && f.Kind == FindingKind.NotDriven && f.Check is "synthesis" or "driver" or "contract"))
        {
            result.Driven++;
        }
    }

    /// <summary>
    /// Maps the generated minimal-API endpoints of every surface (<c>Map…Api</c>, found on the surface's endpoints class),
    /// as an application does with the minimal flavour: no MVC services, no controllers.
    /// </summary>
    private static Action<WebApplication> MinimalEndpoints(CorpusDocument document, ApiModel model, GeneratedAssembly generated)
    {
        var maps = model.Surfaces.Select(surface =>
        {
            var type = generated.Assembly.GetType($"{document.Namespace}.{surface.EndpointsName}") ?? throw new InvalidOperationException($"no endpoints class {surface.EndpointsName}");
            var name = ReservedNames.MapEndpointsMethod(surface.ControllerName);
            return type.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException($"no {name} on {surface.EndpointsName}");
        }).ToList();
        return app =>
        {
            foreach (var map in maps)
            {
                map.Invoke(null, [app]);
            }
        };
    }

    private static object CreateClient(GeneratedAssembly generated, string ns, SurfaceModel surface, HttpClient http)
    {
        var type = generated.Assembly.GetType($"{ns}.{surface.ClientName}") ?? throw new InvalidOperationException($"no client {surface.ClientName}");
        var optionsType = generated.FindType("ApiClientOptions") ?? throw new InvalidOperationException("no ApiClientOptions");
        var options = Activator.CreateInstance(optionsType)!;
        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.PropertyType == typeof(string)))
        {
            property.SetValue(options, "credential-" + property.Name.ToLowerInvariant());
        }

        // Token providers win over client credentials, so no call goes to a document's token URL.
        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.PropertyType == typeof(EvsCodegen.Runtime.IApiTokenProvider)))
        {
            property.SetValue(options, FixedTokens.Instance);
        }

        return Activator.CreateInstance(type, http, options)!;
    }

    /// <summary>
    /// The generator's model of the document, as the generator itself builds it for the round trip (the default
    /// <c>OpenApiModels</c>, unless <paramref name="models"/> says otherwise).
    /// </summary>
    public static ApiModel? Parse(CorpusDocument document, ModelsSelection models = ModelsSelection.Default)
    {
        var options = new DocumentOptionsModel(document.Namespace, EmitKinds.All, true, null, null, default, Models: models);
        var fragments = document.Fragments.Select(f => new FragmentModel(f.Key, f.Value)).ToEquatableArray();
        return DocumentParser.Parse(new DocumentInputModel(document.Path, document.Text, options), fragments, CancellationToken.None).Model;
    }
}

/// <summary>The generated server a round trip hosts (<c>--flavour mvc|minimal|both</c>).</summary>
internal enum RoundTripFlavour
{
    /// <summary>The generated controllers (<c>OpenApiEmit="server"</c>), mapped by <c>MapControllers</c>.</summary>
    Mvc,

    /// <summary>The generated minimal-API endpoints (<c>OpenApiEmit="minimal"</c>), mapped by their <c>Map…Api</c> extensions.</summary>
    Minimal,
}
