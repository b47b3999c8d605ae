using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>Reads one JSON value from a span (the reader is on its first token).</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate T ApiJsonReadFunc<T>(ref Utf8JsonReader reader, ApiJsonReader context);
