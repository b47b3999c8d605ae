using EvsCodegen.Runtime.AspNetCore;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary>Records "name:operationId" for each request it sees, and refuses it with a 400 when <paramref name="fail"/>.</summary>
internal class RecordingInterceptor(string name, List<string> calls, bool fail = false) : IApiRequestInterceptor
{
    public ValueTask OnRequestAsync(ApiRequestContext context)
    {
        calls.Add(name + ":" + context.OperationId);
        Assert.NotNull(context.HttpContext);
        return fail ? throw new ApiException(400, "refused") : ValueTask.CompletedTask;
    }
}

/// <summary>Adds itself to <paramref name="seen"/> for each request: which instance served which request.</summary>
internal sealed class SeenInterceptor(List<IApiRequestInterceptor> seen) : IApiRequestInterceptor
{
    public ValueTask OnRequestAsync(ApiRequestContext context)
    {
        seen.Add(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Sets <see cref="Value"/> and finishes at once: whether the caller sees the change.</summary>
internal sealed class AsyncLocalSettingInterceptor : IApiRequestInterceptor
{
    public static readonly AsyncLocal<string?> Value = new();

    public ValueTask OnRequestAsync(ApiRequestContext context)
    {
        Value.Value = "interceptor";
        return ValueTask.CompletedTask;
    }
}
