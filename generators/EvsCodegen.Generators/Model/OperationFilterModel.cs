namespace EvsCodegen.Generators.Model;

/// <summary>What an entry of <c>OpenApiInclude</c> or <c>OpenApiExclude</c> is compared with.</summary>
internal enum OperationFilterKind
{
    /// <summary>Any of the operation's tags (<c>tag:Snapshots</c>).</summary>
    Tag,

    /// <summary>The path template, optionally with methods (<c>path:/v3/*/snapshots/**</c>, <c>path:GET|PUT /pets/*</c>).</summary>
    Path,

    /// <summary>The operationId, or the one derived from method and path when the document gives none (<c>op:updateSnapshot</c>).</summary>
    OperationId,
}

/// <summary>One entry of an operation filter (item metadata <c>OpenApiInclude</c> / <c>OpenApiExclude</c>).</summary>
/// <param name="Exclude">From <c>OpenApiExclude</c> (otherwise <c>OpenApiInclude</c>).</param>
/// <param name="Kind">What the pattern is compared with.</param>
/// <param name="Pattern">
/// The pattern: <c>*</c> matches any run of characters and <c>?</c> one character; in a path, neither crosses a
/// <c>/</c>, and a <c>**</c> segment matches any number of segments, none included.
/// </param>
/// <param name="Methods">Upper-case HTTP methods a path entry is limited to; empty for every method.</param>
/// <param name="Text">The entry as written, for the warning when it matches nothing.</param>
internal sealed record OperationFilterModel(bool Exclude, OperationFilterKind Kind, string Pattern, EquatableArray<string> Methods, string Text);
