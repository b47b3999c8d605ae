namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>Reads a value of <typeparamref name="T"/> from its text.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="text">The text.</param>
/// <param name="value">The value read.</param>
/// <returns>Whether the text holds a value.</returns>
public delegate bool ApiTryParse<T>(string text, out T value);
