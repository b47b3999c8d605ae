namespace EvsCodegen.Generators.Model;

/// <summary>
/// What the compilation references that the generated code depends on: the only facts the generator takes from the
/// compilation. A few small values, so that the step reading them stays <c>Unchanged</c> across ordinary edits and
/// nothing downstream of it re-runs.
/// </summary>
/// <param name="HttpClientFactory">Whether <c>Microsoft.Extensions.Http</c> (<c>AddHttpClient</c>) is referenced.</param>
/// <param name="Mvc">Whether ASP.NET Core MVC (<c>AddControllers</c>) is referenced.</param>
/// <param name="Runtime">The version (major.minor.patch) of the referenced <c>EvsCodegen.Runtime</c>; null when absent.</param>
/// <param name="AspNetCoreRuntime">The version of the referenced <c>EvsCodegen.Runtime.AspNetCore</c>; null when absent.</param>
/// <param name="GeneratedModels">
/// Generated models that referenced assemblies declare: each namespace holding a fault table (<c>ApiFaults</c>) as
/// <c>public:Namespace</c> or <c>internal:Namespace</c>, and each public type of such a namespace as <c>Namespace.Type</c>
/// (a contracts project shared by a client and a server; EVS2051). Sorted; empty for framework assemblies.
/// </param>
internal sealed record FrameworkSupportModel(bool HttpClientFactory, bool Mvc, string? Runtime = null, string? AspNetCoreRuntime = null, EquatableArray<string> GeneratedModels = default);
