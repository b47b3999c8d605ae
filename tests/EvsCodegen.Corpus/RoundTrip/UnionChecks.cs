using System;
using System.Reflection;
using System.Text.Json;
using EvsCodegen.Runtime;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>A generated union value written and read back strictly by its own converter, as the generated server reads a request.</summary>
internal static class UnionChecks
{
    private static readonly MethodInfo s_check = typeof(UnionChecks).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Null when <paramref name="value"/> (of the generated union <paramref name="type"/>) reads back strictly; else the problem.</summary>
    public static string? ReadsStrictly(Type type, object value)
    {
        var converter = type.Assembly.GetType(type.FullName + "JsonConverter")
            ?? throw new SynthesisException($"the union {type.Name} has no converter");
        var read = Delegate.CreateDelegate(typeof(ApiJsonReadFunc<>).MakeGenericType(type), converter.GetMethod("ReadValue", BindingFlags.Public | BindingFlags.Static)!);
        var write = Delegate.CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(Utf8JsonWriter), type), converter.GetMethod("WriteValue", BindingFlags.Public | BindingFlags.Static)!);
        return (string?)s_check.MakeGenericMethod(type).Invoke(null, [value, read, write]);
    }

    private static string? Check<T>(T value, ApiJsonReadFunc<T> read, Action<Utf8JsonWriter, T> write)
    {
        try
        {
            ApiJsonReader.Deserialize(ApiJsonValue.Serialize(value, write), read, strict: true);
            return null;
        }
        catch (ApiJsonException exception)
        {
            return exception.Problem;
        }
    }
}
