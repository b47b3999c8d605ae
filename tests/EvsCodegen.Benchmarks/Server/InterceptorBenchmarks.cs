using BenchmarkDotNet.Attributes;
using EvsCodegen.Runtime.AspNetCore;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// The request interceptors of one request, as the EVS emulator registers them (one singleton): resolved from the
/// request's services every time (<c>ApiServerRuntime.InterceptAsync</c>, the controllers' way and the baseline) and
/// taken once for the mapping (<c>ApiRequestInterceptors</c>, the generated minimal-API endpoints' way).
/// </summary>
[Config(typeof(BenchConfig))]
public class InterceptorBenchmarks
{
    private ServiceProvider _root = null!;
    private IServiceScope _scope = null!;
    private DefaultHttpContext _http = null!;
    private ApiRequestInterceptors _taken = null!;

    /// <summary>One singleton interceptor, one request scope, the list taken by a first request.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _root = new ServiceCollection().AddApiEndpointServices().AddSingleton<IApiRequestInterceptor, Pass>().BuildServiceProvider();
        _scope = _root.CreateScope();
        _http = new DefaultHttpContext { RequestServices = _scope.ServiceProvider };
        _taken = ApiRequestInterceptors.For(_root);
        _taken.InterceptAsync(_http, "updateSnapshot").GetAwaiter().GetResult();
    }

    /// <summary>Releases the services.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _root.Dispose();
    }

    /// <summary>Resolved from the request's services.</summary>
    [Benchmark(Baseline = true)]
    public void PerRequest() => ApiServerRuntime.InterceptAsync(_http, "updateSnapshot").GetAwaiter().GetResult();

    /// <summary>Taken once for the mapping.</summary>
    [Benchmark]
    public void TakenOnce() => _taken.InterceptAsync(_http, "updateSnapshot").GetAwaiter().GetResult();

    private sealed class Pass : IApiRequestInterceptor
    {
        public ValueTask OnRequestAsync(ApiRequestContext context) => ValueTask.CompletedTask;
    }
}
