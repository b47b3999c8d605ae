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
        if (WholeResponse(targetMethod, args) is { } whole)
        {
            return whole;
        }

        var arguments = (args ?? []).Where(a => a is not CancellationToken).ToArray();
        // A request stream, or a form record holding file parts: read while the request is alive, then recorded.
        if (arguments.Any(a => a is System.IO.Stream || StreamValues.HoldsFiles(a)))
        {
            return AfterReading(targetMethod, arguments);
        }

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

        if (StreamValues.ItemType(returnType) is { } item)
        {
            return answer is Exception failure ? StreamValues.Throwing(item, failure) : answer;
        }

        throw new NotSupportedException($"{targetMethod.Name} returns {returnType}, not a task");
    }

    /// <summary>
    /// A call with a request stream: the stream is read to its end (as an implementation does, before answering), the
    /// call recorded with its bytes, then answered.
    /// </summary>
    private object? AfterReading(MethodInfo method, object?[] arguments)
    {
        var read = ReadStreamsAsync(arguments);
        var returnType = method.ReturnType;
        var result = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : typeof(object);
        var answered = s_answer.MakeGenericMethod(result).Invoke(this, [method, read]);
        return returnType == typeof(Task) ? (Task)answered! : answered;
    }

    private static async Task<object?[]> ReadStreamsAsync(object?[] arguments)
    {
        var read = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            read[i] = arguments[i] is System.IO.Stream stream ? await StreamValues.ReadAllAsync(stream).ConfigureAwait(false) : arguments[i];
            await StreamValues.CaptureFilesAsync(read[i]).ConfigureAwait(false);
        }

        return read;
    }

    private async Task<T> AnswerAfterAsync<T>(MethodInfo method, Task<object?[]> read)
    {
        var arguments = await read.ConfigureAwait(false);
        lock (_calls)
        {
            _calls.Add(new ReceivedCall(method, arguments));
        }

        var answer = Responder(method, arguments);
        return answer is Exception exception ? throw exception : (T)answer!;
    }

    private static readonly MethodInfo s_answer = typeof(RecordingApi).GetMethod(nameof(AnswerAfterAsync), BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>
    /// A contract's whole-response method (<c>…WithResponseAsync</c>, a default interface method the proxy overrides too)
    /// answered as its default does: the body method's answer, wrapped by the result type's <c>FromBody</c>. The call is
    /// recorded as one of the body method, which the driver compares; null for other methods.
    /// </summary>
    private object? WholeResponse(MethodInfo method, object?[]? args)
    {
        const string Suffix = "WithResponseAsync";
        if (method.IsAbstract || !method.Name.EndsWith(Suffix, StringComparison.Ordinal) || !method.ReturnType.IsGenericType)
        {
            return null;
        }

        var simple = method.DeclaringType!.GetMethod(method.Name[..^Suffix.Length] + "Async", [.. method.GetParameters().Select(p => p.ParameterType)]);
        var resultType = method.ReturnType.GetGenericArguments()[0];
        var fromBody = resultType.GetMethod("FromBody", BindingFlags.Static | BindingFlags.NonPublic);
        if (simple is null || fromBody is null)
        {
            return null;
        }

        var inner = (Task)Invoke(simple, args)!;
        return s_wrap.MakeGenericMethod(resultType).Invoke(null, [inner, fromBody]);
    }

    private static async Task<TResult> Wrap<TResult>(Task inner, MethodInfo fromBody)
    {
        await inner.ConfigureAwait(false);
        object?[] body = fromBody.GetParameters().Length == 0 ? [] : [inner.GetType().GetProperty("Result")!.GetValue(inner)];
        return (TResult)fromBody.Invoke(null, body)!;
    }

    private static readonly MethodInfo s_wrap = typeof(RecordingApi).GetMethod(nameof(Wrap), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo s_fromResult = typeof(Task).GetMethod(nameof(Task.FromResult))!;
    private static readonly MethodInfo s_fromException = typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethodDefinition);
}
