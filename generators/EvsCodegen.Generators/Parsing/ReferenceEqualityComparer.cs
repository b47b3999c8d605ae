using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace EvsCodegen.Generators.Parsing;

/// <summary>Compares nodes by identity (netstandard2.0 lacks the BCL's comparer).</summary>
internal sealed class ReferenceEqualityComparer : IEqualityComparer<YNode>
{
    public static ReferenceEqualityComparer Instance { get; } = new();

    public bool Equals(YNode? x, YNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YNode obj) => RuntimeHelpers.GetHashCode(obj);
}
