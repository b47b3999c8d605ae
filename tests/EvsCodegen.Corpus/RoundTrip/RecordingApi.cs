using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>One call the implementation received: the contract method and its arguments (without the cancellation token).</summary>
/// <param name="Method">The contract method.</param>
/// <param name="Arguments">The arguments in declaration order.</param>
internal sealed record ReceivedCall(MethodInfo Method, object?[] Arguments);

/// <summary>
/// Implements any generated contract interface at run time: records every call and answers with what
/// <see cref="Responder"/> gives (a value for <c>Task&lt;T&gt;</c>, or an exception the task faults with).
/// </summary>
/// <remarks>
/// The <see cref="DispatchProxy"/> itself is <see cref="ProxySource"/>, compiled into the generated assembly: DispatchProxy
/// emits its proxy type beside the proxy's base class, and a type in the default context cannot implement an interface
/// of the collectible one.
/// </remarks>
internal sealed class RecordingApi
{
    /// <summary>The proxy base class compiled with the generated code.</summary>
    public const string ProxySource = """
        namespace EvsCodegen.Corpus.RoundTripProbe;

        public class RecordingProxy : global::System.Reflection.DispatchProxy
        {
            public global::System.Func<global::System.Reflection.MethodInfo, object?[]?, object?>? Handler { get; set; }

            protected override object? Invoke(global::System.Reflection.MethodInfo? targetMethod, object?[]? args) => Handler!(targetMethod!, args);
        }
        """;

    private readonly List<ReceivedCall> _calls = [];

    /// <summary>Answers a call: the result value, or an <see cref="Exception"/> to fault the task with.</summary>
    public Func<MethodInfo, object?[], object?> Responder { get; set; } = (_, _) => null;

    /// <summary>The calls received so far.</summary>
    public IReadOnlyList<ReceivedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Creates an implementation of <paramref name="contract"/> over the proxy base class of <paramref name="generated"/>.</summary>
    public static (object Instance, RecordingApi Recorder) Create(Type contract, System.Reflection.Assembly generated)
    {
        var proxyType = generated.GetType("EvsCodegen.Corpus.RoundTripProbe.RecordingProxy", throwOnError: true)!;
        var instance = DispatchProxy.Create(contract, proxyType);
        var recorder = new RecordingApi();
        proxyType.GetProperty("Handler")!.SetValue(instance, new Func<MethodInfo, object?[]?, object?>(recorder.Invoke));
        return (instance, recorder);
    }

    private object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var arguments = (args ?? []).Where(a => a is not CancellationToken).ToArray();
        lock (_calls)
        {
            _calls.Add(new ReceivedCall(targetMethod, arguments));
        }

        var answer = Responder(targetMethod, arguments);
        var returnType = targetMethod.ReturnType;
        if (returnType == typeof(Task))
        {
            return answer is Exception e ? Task.FromException(e) : Task.CompletedTask;
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = returnType.GetGenericArguments()[0];
            return answer is Exception exception
                ? s_fromException.MakeGenericMethod(result).Invoke(null, [exception])
                : s_fromResult.MakeGenericMethod(result).Invoke(null, [answer]);
        }

        throw new NotSupportedException($"{targetMethod.Name} returns {returnType}, not a task");
    }

    private static readonly MethodInfo s_fromResult = typeof(Task).GetMethod(nameof(Task.FromResult))!;
    private static readonly MethodInfo s_fromException = typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethodDefinition);
}
