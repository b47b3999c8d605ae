namespace EvsCodegen.Runtime;

/// <summary>Reads a value of <typeparamref name="T"/> from a header's text (a generated enum's <c>TryParse</c>).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="text">The text.</param>
/// <param name="value">The value read.</param>
/// <returns>Whether the text holds a value.</returns>
public delegate bool ApiHeaderTryParse<T>(string text, out T value);
