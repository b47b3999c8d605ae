using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// Request or response headers that keep Content-Length as a number, as Kestrel's header collections do (a field read
/// and written by <see cref="IHeaderDictionary.ContentLength"/> without parsing or formatting text); every other header
/// is in a <see cref="HeaderDictionary"/>. The in-process report uses it with <c>typed-length</c>: with the plain
/// <see cref="HeaderDictionary"/>, reading or setting the length costs a case-insensitive look-up and a parse or a
/// formatted string, which Kestrel does not pay.
/// </summary>
internal sealed class TypedLengthHeaders : IHeaderDictionary
{
    private readonly HeaderDictionary _others = new();
    private long? _contentLength;

    public long? ContentLength
    {
        get => _contentLength;
        set => _contentLength = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    public StringValues this[string key]
    {
        get => IsLength(key) ? LengthText() : _others[key];
        set
        {
            if (IsLength(key))
            {
                _contentLength = StringValues.IsNullOrEmpty(value) ? null : long.Parse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else
            {
                _others[key] = value;
            }
        }
    }

    public ICollection<string> Keys => [.. All().Select(p => p.Key)];

    public ICollection<StringValues> Values => [.. All().Select(p => p.Value)];

    public int Count => _others.Count + (_contentLength is null ? 0 : 1);

    public bool IsReadOnly => false;

    public void Add(string key, StringValues value)
    {
        if (ContainsKey(key))
        {
            throw new ArgumentException($"The header '{key}' is already set.", nameof(key));
        }

        this[key] = value;
    }

    public void Add(KeyValuePair<string, StringValues> item) => Add(item.Key, item.Value);

    public void Clear()
    {
        _others.Clear();
        _contentLength = null;
    }

    public bool Contains(KeyValuePair<string, StringValues> item) => TryGetValue(item.Key, out var value) && value.Equals(item.Value);

    public bool ContainsKey(string key) => IsLength(key) ? _contentLength is not null : _others.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex) => All().ToArray().CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => All().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Remove(string key)
    {
        if (!IsLength(key))
        {
            return _others.Remove(key);
        }

        var had = _contentLength is not null;
        _contentLength = null;
        return had;
    }

    public bool Remove(KeyValuePair<string, StringValues> item) => Contains(item) && Remove(item.Key);

    public bool TryGetValue(string key, out StringValues value)
    {
        if (IsLength(key))
        {
            value = LengthText();
            return _contentLength is not null;
        }

        return _others.TryGetValue(key, out value);
    }

    private static bool IsLength(string key) => string.Equals(key, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase);

    private StringValues LengthText() => _contentLength is { } length ? length.ToString(CultureInfo.InvariantCulture) : default;

    private IEnumerable<KeyValuePair<string, StringValues>> All() =>
        _contentLength is null ? _others : _others.Append(new(HeaderNames.ContentLength, LengthText()));
}
