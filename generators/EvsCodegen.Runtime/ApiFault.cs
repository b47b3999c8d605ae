namespace EvsCodegen.Runtime;

/// <summary>One documented error answer: the fault name and code a document gives an HTTP status (<c>x-fault</c>).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Name">The fault name, the key of the keyed envelope.</param>
/// <param name="Code">The error code.</param>
public sealed record ApiFault(int StatusCode, string Name, string Code);
