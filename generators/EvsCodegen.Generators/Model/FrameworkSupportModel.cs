namespace EvsCodegen.Generators.Model;

/// <summary>
/// What the compilation references that the registration extensions call: the only facts the generator takes from the
/// compilation. Two booleans, so that the step reading them stays <c>Unchanged</c> across ordinary edits and nothing
/// downstream of it re-runs.
/// </summary>
/// <param name="HttpClientFactory">Whether <c>Microsoft.Extensions.Http</c> (<c>AddHttpClient</c>) is referenced.</param>
/// <param name="Mvc">Whether ASP.NET Core MVC (<c>AddControllers</c>) is referenced.</param>
internal sealed record FrameworkSupportModel(bool HttpClientFactory, bool Mvc);
