using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>A JSON value that breaks the document's schema, with where it is.</summary>
public sealed class ApiJsonException : JsonException
{
    /// <summary>Creates the exception.</summary>
    public ApiJsonException(string location, string problem)
        : base(location.Length == 0 ? $"Invalid request body: {problem}." : $"Invalid value at '{location}': {problem}.")
    {
        Location = location;
        Problem = problem;
    }

    /// <summary>Where the value is, as <c>snapshot.name</c> or <c>items[2]</c>; empty for the top level.</summary>
    public string Location { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
