using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using EvsCodegen.Runtime;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// Streamed values in a round trip: synthesized item sequences and files, request streams read into bytes, and the
/// client's sequences and files read back, so the structural comparison sees bytes and lists on both sides.
/// </summary>
internal static class StreamValues
{
    private static readonly ConditionalWeakTable<ApiFile, byte[]> s_files = [];

    /// <summary>The item type of an <c>IAsyncEnumerable&lt;T&gt;</c>, else null.</summary>
    public static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>A file over <paramref name="bytes"/>, remembered so the answer can be compared after the server has consumed it.</summary>
    public static ApiFile File(byte[] bytes)
    {
        var file = ApiFile.FromBytes(bytes);
        s_files.Add(file, bytes);
        return file;
    }

    /// <summary>An <c>IAsyncEnumerable</c> of <paramref name="item"/> over <paramref name="items"/>, yielding between items.</summary>
    public static object Sequence(Type item, IList items) =>
        typeof(Synthesized<>).MakeGenericType(item).GetConstructor([typeof(IList)])!.Invoke([items]);

    /// <summary>An <c>IAsyncEnumerable</c> of <paramref name="item"/> that fails with <paramref name="exception"/> when enumerated.</summary>
    public static object Throwing(Type item, Exception exception) =>
        typeof(StreamValues).GetMethod(nameof(ThrowingCore), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(item).Invoke(null, [exception])!;

    /// <summary>The items of an <c>IAsyncEnumerable</c>, read to the end.</summary>
    public static Task<List<object?>> ToListAsync(object sequence) =>
        (Task<List<object?>>)typeof(StreamValues).GetMethod(nameof(ToListCoreAsync), BindingFlags.Static | BindingFlags.NonPublic)!
            .MakeGenericMethod(ItemType(sequence.GetType().GetInterfaces().Append(sequence.GetType()).First(t => ItemType(t) is not null))!)
            .Invoke(null, [sequence])!;

    /// <summary>The bytes of a stream, read to the end.</summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy).ConfigureAwait(false);
        return copy.ToArray();
    }

    /// <summary>What a client's answer holds: a file's bytes (the file disposed), else the answer.</summary>
    public static async Task<object?> ReadAnswerAsync(object? answer)
    {
        if (answer is not ApiFile file)
        {
            return answer;
        }

        await using (file.ConfigureAwait(false))
        {
            return await ReadAllAsync(file.Content).ConfigureAwait(false);
        }
    }

    /// <summary>What a sent or synthesized value holds: a memory stream's or a file's bytes, a sequence's items.</summary>
    /// <summary>
    /// Reads the file parts of a form record the implementation received (its <see cref="ApiFile"/> properties, and lists
    /// of them) while the request is alive, so they compare as the bytes that arrived.
    /// </summary>
    public static async Task CaptureFilesAsync(object? value)
    {
        foreach (var file in FilesOf(value))
        {
            s_files.AddOrUpdate(file, await ReadAllAsync(file.Content).ConfigureAwait(false));
        }
    }

    /// <summary>Whether a received argument is a form record holding file parts (which must be read while the request is alive).</summary>
    public static bool HoldsFiles(object? value) => FilesOf(value).Any();

    private static List<ApiFile> FilesOf(object? value)
    {
        if (value is null || value.GetType().Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return [];
        }

        return value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .SelectMany(property => property.GetValue(value) switch
            {
                ApiFile file => [file],
                IEnumerable<ApiFile> list => list.ToList(),
                _ => [],
            })
            .ToList();
    }

    /// <summary>The bytes of a file the synthesizer made or <see cref="CaptureFilesAsync"/> read, else null.</summary>
    public static byte[]? BytesOf(ApiFile file) => s_files.TryGetValue(file, out var bytes) ? bytes : null;

    public static object? Normalize(object? value) => value switch
    {
        MemoryStream memory => memory.ToArray(),
        ApiFile file when s_files.TryGetValue(file, out var bytes) => bytes,
        ISynthesized sequence => sequence.Items.Cast<object?>().ToList(),
        _ => value,
    };

    private static async Task<List<object?>> ToListCoreAsync<T>(IAsyncEnumerable<T> sequence)
    {
        var items = new List<object?>();
        await foreach (var item in sequence.ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    private static async IAsyncEnumerable<T> ThrowingCore<T>(Exception exception)
    {
        await Task.Yield();
        if (exception is not null)
        {
            throw exception;
        }

        yield break;
    }

    private interface ISynthesized
    {
        IList Items { get; }
    }

    private sealed class Synthesized<T>(IList items) : IAsyncEnumerable<T>, ISynthesized
    {
        public IList Items => items;

        public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            foreach (var item in items)
            {
                await Task.Yield();
                yield return (T)item!;
            }
        }
    }
}
