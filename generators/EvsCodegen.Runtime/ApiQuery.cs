using System.Collections.Generic;

namespace EvsCodegen.Runtime;

/// <summary>
/// The query of a call: name/value pairs escaped by <see cref="ApiClientRuntime.BuildUri(System.Net.Http.HttpClient, string, System.Collections.Generic.List{System.Collections.Generic.KeyValuePair{string, string}}?)"/>, plus pairs a style wrote
/// already escaped, whose delimiters (<c>,</c> <c>|</c> <c>%20</c> <c>[ ]</c>) must stay literal while the same characters
/// inside values are escaped.
/// </summary>
public sealed class ApiQuery : List<KeyValuePair<string, string>>
{
    private readonly HashSet<int> _escaped = [];

    /// <summary>Adds a pair whose key and value are already percent-encoded.</summary>
    /// <param name="key">The escaped key.</param>
    /// <param name="value">The escaped value.</param>
    public void AddEscaped(string key, string value)
    {
        _escaped.Add(Count);
        Add(new KeyValuePair<string, string>(key, value));
    }

    /// <summary>Whether the pair at <paramref name="index"/> was added already escaped.</summary>
    /// <param name="index">The pair's index.</param>
    /// <returns>True for a pair from <see cref="AddEscaped"/>.</returns>
    public bool IsEscaped(int index) => _escaped.Contains(index);
}
