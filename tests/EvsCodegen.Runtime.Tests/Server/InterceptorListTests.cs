using EvsCodegen.Runtime.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary>
/// <see cref="ApiRequestInterceptors"/>: the list of the generated minimal-API endpoints is taken once only when it is
/// provably the application's list of singletons; every other case resolves it from each request's services, as
/// <see cref="ApiServerRuntime.InterceptAsync"/> does.
/// </summary>
public sealed class InterceptorListTests
{
    [Fact]
    public async Task Singletons_AreResolvedAtTheFirstRequestOnly_AndRunInOrderAtEveryRequest()
    {
        var calls = new List<string>();
        using var root = new ServiceCollection()
            .AddApiEndpointServices()
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("first", calls))
            .AddSingleton<IApiRequestInterceptor, SecondRecorder>()
            .AddSingleton(calls)
            .BuildServiceProvider();
        var interceptors = ApiRequestInterceptors.For(root);

        var lookups = await ServeAsync(root, interceptors, requests: 3);

        Assert.Equal(1, lookups);
        Assert.Equal(["first:op", "second:op", "first:op", "second:op", "first:op", "second:op"], calls);
    }

    [Fact]
    public async Task Scoped_AreEachRequestsOwn_AndResolvedAtEveryRequest()
    {
        var seen = new List<IApiRequestInterceptor>();
        using var root = new ServiceCollection()
            .AddApiEndpointServices()
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("singleton", []))
            .AddScoped<IApiRequestInterceptor>(_ => new SeenInterceptor(seen))
            .BuildServiceProvider();
        var interceptors = ApiRequestInterceptors.For(root);

        var lookups = await ServeAsync(root, interceptors, requests: 3);

        Assert.Equal(3, lookups);
        Assert.Equal(3, seen.Distinct().Count());
    }

    [Fact]
    public async Task Transient_IsResolvedAtEveryRequest()
    {
        var seen = new List<IApiRequestInterceptor>();
        using var root = new ServiceCollection()
            .AddApiEndpointServices()
            .AddTransient<IApiRequestInterceptor>(_ => new SeenInterceptor(seen))
            .BuildServiceProvider();
        var interceptors = ApiRequestInterceptors.For(root);

        var lookups = await ServeAsync(root, interceptors, requests: 2);

        Assert.Equal(2, lookups);
        Assert.Equal(2, seen.Distinct().Count());
    }

    [Fact]
    public async Task WithoutTheRecordedRegistrations_EveryRequestResolves()
    {
        var calls = new List<string>();
        using var root = new ServiceCollection().AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("only", calls)).BuildServiceProvider();
        var interceptors = ApiRequestInterceptors.For(root);

        var lookups = await ServeAsync(root, interceptors, requests: 3);

        Assert.Equal(3, lookups);
        Assert.Equal(["only:op", "only:op", "only:op"], calls);
    }

    [Fact]
    public async Task AKeyedRegistration_IsNotPartOfTheList_AndDoesNotStopItBeingTaken()
    {
        var calls = new List<string>();
        using var root = new ServiceCollection()
            .AddApiEndpointServices()
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("unkeyed", calls))
            .AddKeyedScoped<IApiRequestInterceptor>("other", (_, _) => new RecordingInterceptor("keyed", calls))
            .BuildServiceProvider();
        var interceptors = ApiRequestInterceptors.For(root);

        var lookups = await ServeAsync(root, interceptors, requests: 2);

        Assert.Equal(1, lookups);
        Assert.Equal(["unkeyed:op", "unkeyed:op"], calls);
    }

    [Fact]
    public async Task AFirstRequestFromAnotherContainer_RunsThatContainersList_AndEveryRequestThenResolves()
    {
        var calls = new List<string>();
        using var application = new ServiceCollection()
            .AddApiEndpointServices()
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("application", calls))
            .BuildServiceProvider();
        using var tenant = new ServiceCollection().AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("tenant", calls)).BuildServiceProvider();
        var interceptors = ApiRequestInterceptors.For(application);

        await ServeAsync(tenant, interceptors, requests: 1);
        var lookups = await ServeAsync(application, interceptors, requests: 2);

        Assert.Equal(2, lookups);
        Assert.Equal(["tenant:op", "application:op", "application:op"], calls);
    }

    [Fact]
    public async Task AContainerThatBuildsANewListEachTime_OfTheSameSingletons_IsAskedOnce()
    {
        var calls = new List<string>();
        var services = new ServiceCollection()
            .AddApiEndpointServices()
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("only", calls));
        using var inner = services.BuildServiceProvider();
        var application = new FreshListProvider(inner);
        var interceptors = ApiRequestInterceptors.For(application);

        var lookups = await ServeAsync(application, interceptors, requests: 2);

        Assert.Equal(1, lookups);
        Assert.Equal(["only:op", "only:op"], calls);
    }

    [Fact]
    public async Task NoneRegistered_IsTakenOnce_AndAllocatesNothing()
    {
        using var root = new ServiceCollection().AddApiEndpointServices().BuildServiceProvider();
        var interceptors = ApiRequestInterceptors.For(root);
        using var scope = root.CreateScope();
        var http = TestHttp.Request(services: scope.ServiceProvider);
        await interceptors.InterceptAsync(http, "op");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var pending = interceptors.InterceptAsync(http, "op");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task ATakenList_StillKeepsTheCallersAsyncLocals_AndStopsAtAFailure()
    {
        var calls = new List<string>();
        using var root = new ServiceCollection()
            .AddApiEndpointServices()
            .AddSingleton<IApiRequestInterceptor>(new AsyncLocalSettingInterceptor())
            .AddSingleton<IApiRequestInterceptor>(new Refusing())
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("after", calls))
            .BuildServiceProvider();
        var interceptors = ApiRequestInterceptors.For(root);
        AsyncLocalSettingInterceptor.Value.Value = "caller";

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var scope = root.CreateScope();
            var http = TestHttp.Request(services: scope.ServiceProvider);
            var failure = await Assert.ThrowsAsync<ApiException>(async () => await interceptors.InterceptAsync(http, "op"));
            Assert.Equal(403, failure.StatusCode);
            Assert.Equal("caller", AsyncLocalSettingInterceptor.Value.Value);
        }

        Assert.Empty(calls);
    }

    // Serves requests, each in a scope of its own, and counts how often the interceptor list was asked of the request's services.
    private static async Task<int> ServeAsync(IServiceProvider root, ApiRequestInterceptors interceptors, int requests)
    {
        var lookups = 0;
        for (var i = 0; i < requests; i++)
        {
            using var scope = root.CreateScope();
            var counting = new CountingProvider(scope.ServiceProvider, () => lookups++);
            await interceptors.InterceptAsync(TestHttp.Request(services: counting), "op");
        }

        return lookups;
    }

    private sealed class CountingProvider(IServiceProvider inner, Action counted) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(IEnumerable<IApiRequestInterceptor>))
            {
                counted();
            }

            return inner.GetService(serviceType);
        }
    }

    // A container that lists the same interceptors in a new array of its own each time.
    private sealed class FreshListProvider(ServiceProvider inner) : IServiceProvider, IServiceScopeFactory
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IServiceScopeFactory) ? this
            : inner.GetService(serviceType) is IApiRequestInterceptor[] list ? list.ToArray()
            : inner.GetService(serviceType);

        public IServiceScope CreateScope() => new Scope(this);

        private sealed class Scope(IServiceProvider provider) : IServiceScope
        {
            public IServiceProvider ServiceProvider => provider;

            public void Dispose()
            {
            }
        }
    }

    private sealed class SecondRecorder(List<string> calls) : RecordingInterceptor("second", calls);

    private sealed class Refusing : IApiRequestInterceptor
    {
        public ValueTask OnRequestAsync(ApiRequestContext context) => throw new ApiException(403, "refused");
    }
}
