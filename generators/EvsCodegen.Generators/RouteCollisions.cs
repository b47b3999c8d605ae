using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EvsCodegen.Generators.Comparing;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators;

/// <summary>One route a document's server answers: the method and the route with its parameters unnamed.</summary>
/// <param name="Key">The method and the route as ASP.NET Core matches them (case-insensitive, parameter names irrelevant).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The route as the document writes it (servers base path included).</param>
/// <param name="Pointer">The operation's JSON pointer in its document.</param>
internal sealed record RouteModel(string Key, string Method, string Route, string Pointer);

/// <summary>The routes of one document whose server is generated.</summary>
/// <param name="Path">The document.</param>
/// <param name="Routes">Its routes.</param>
internal sealed record RouteSetModel(string Path, EquatableArray<RouteModel> Routes);

/// <summary>A route a later document (by path) repeats from an earlier one.</summary>
/// <param name="Path">The later document.</param>
/// <param name="Pointer">Its operation.</param>
/// <param name="Method">The method.</param>
/// <param name="Route">The later document's route.</param>
/// <param name="OtherPath">The earlier document.</param>
/// <param name="OtherRoute">The earlier document's route.</param>
internal sealed record RouteCollisionModel(string Path, string Pointer, string Method, string Route, string OtherPath, string OtherRoute);

/// <summary>
/// ASP.NET Core routes are global to the application: two documents of one project whose servers answer the same
/// method and route make every such request fail with an AmbiguousMatchException (500). Found over all documents of the
/// compilation (small records only) and reported at the later document's operation (EVS1070), positioned in its text.
/// </summary>
internal static class RouteCollisions
{
    private static readonly Regex s_parameter = new(@"\{[^{}]*\}", RegexOptions.CultureInvariant);

    /// <summary>The routes of a parsed document whose server is generated (placed without conflict); null otherwise.</summary>
    public static RouteSetModel? Identify(ParseResultModel result, EquatableArray<DocumentSlotModel> slots)
    {
        if (result.Model is not { } model || (model.Context.Emit & EmitKinds.Server) == 0 || DocumentPlacement.Apply(result, slots) is null)
        {
            return null;
        }

        var basePath = model.Context.Server?.BasePath ?? string.Empty;
        var routes = model.Surfaces.SelectMany(s => s.Operations).Select(operation =>
        {
            var route = basePath + operation.Path;
            var key = operation.HttpMethod.ToUpperInvariant() + " " + s_parameter.Replace(route, "{}").TrimEnd('/').ToLowerInvariant();
            return new RouteModel(key, operation.HttpMethod.ToUpperInvariant(), route, "/paths/" + ModelComparer.Escape(operation.Path) + "/" + operation.HttpMethod.ToLowerInvariant());
        });
        return new RouteSetModel(result.Path, routes.ToEquatableArray());
    }

    /// <summary>Every route a document repeats from one before it in path order (the first claims it).</summary>
    public static EquatableArray<RouteCollisionModel> Find(ImmutableArray<RouteSetModel?> sets)
    {
        var claimed = new Dictionary<string, (string Path, RouteModel Route)>(StringComparer.Ordinal);
        var collisions = new List<RouteCollisionModel>();
        foreach (var set in sets.Where(s => s is not null).Select(s => s!).OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            var own = new Dictionary<string, RouteModel>(StringComparer.Ordinal);
            foreach (var route in set.Routes)
            {
                if (claimed.TryGetValue(route.Key, out var earlier))
                {
                    collisions.Add(new RouteCollisionModel(set.Path, route.Pointer, route.Method, route.Route, earlier.Path, earlier.Route.Route));
                }
                else
                {
                    own[route.Key] = route;
                }
            }

            foreach (var route in own.Values)
            {
                claimed[route.Key] = (set.Path, route);
            }
        }

        return collisions.ToEquatableArray();
    }

    /// <summary>The diagnostics of <paramref name="collisions"/>, each at its operation in the later document's text.</summary>
    public static EquatableArray<DiagnosticModel> Locate(EquatableArray<RouteCollisionModel> collisions, ImmutableArray<DocumentInputModel> inputs)
    {
        if (collisions.Count == 0)
        {
            return default;
        }

        var diagnostics = new List<DiagnosticModel>();
        foreach (var group in collisions.GroupBy(c => c.Path, StringComparer.Ordinal))
        {
            var text = inputs.FirstOrDefault(i => i.Path == group.Key)?.Text ?? string.Empty;
            var root = YamlLoader.Load(text, out _);
            foreach (var collision in group)
            {
                var node = ChangeLocator.Find(root, collision.Pointer);
                diagnostics.Add(new DiagnosticModel(D.RouteCollision.Id, collision.Path, node?.Span ?? default, node?.LineSpan ?? default(LinePositionSpan),
                    new[] { collision.Method, collision.Route, Path.GetFileName(collision.OtherPath), collision.OtherRoute }.ToEquatableArray()));
            }
        }

        return diagnostics.ToEquatableArray();
    }
}
