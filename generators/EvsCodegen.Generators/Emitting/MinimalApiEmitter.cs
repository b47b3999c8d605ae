using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Emits the minimal-API flavour of the server (<c>OpenApiEmit="minimal"</c>) per surface: a static class whose
/// <c>Map…Api</c> extension maps one endpoint per operation under a route group, each a plain <c>RequestDelegate</c>
/// (no MVC, no reflection, no request-delegate generator, so Native AOT and trimming see everything), and an
/// <c>Add…Endpoints</c> registration of the backend. The handlers' bodies are the controller's
/// (<see cref="ServerEmitter.EmitHandlerBody"/>): same checks, same order, same answers.
/// </summary>
internal static class MinimalApiEmitter
{
    /// <summary>The endpoints class of one surface.</summary>
    public static string Emit(ApiContextModel context, SurfaceModel surface)
    {
        var name = surface.EndpointsName;
        var map = ReservedNames.MapEndpointsMethod(surface.ControllerName);
        var add = ReservedNames.AddEndpointsMethod(surface.ControllerName);
        var w = SourceWriter.ForFile(context);
        w.Line($"/// <summary>Serves {Text.Inline(context.Title)} as minimal-API endpoints delegating to an <see cref=\"{surface.InterfaceName}\"/> from dependency injection.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} static partial class {name}");
        w.Line("/// <summary>");
        w.Line($"/// Maps every operation of <see cref=\"{surface.InterfaceName}\"/> under one route group{(context.Server is { BasePath.Length: > 0 } ? " at the document's base path" : string.Empty)}.");
        w.Line("/// Each endpoint checks the request against the document and answers failures in its error shape, as the controller does.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"endpoints\">The application or another route builder.</param>");
        w.Line("/// <returns>The group, to add conventions to every endpoint (authorization, rate limiting, metadata).</returns>");
        w.Open($"public static {CSharp.RouteGroupBuilder} {map}(this {CSharp.EndpointRouteBuilder} endpoints)");
        w.Line($"{CSharp.ArgumentNullException}.ThrowIfNull(endpoints);");
        w.Line($"var group = {CSharp.EndpointRouteBuilderExtensions}.MapGroup(endpoints, {Text.Literal(ServerEmitter.RoutePrefix(context.Server?.BasePath ?? string.Empty))});");
        // One list of interceptors for the mapping: taken once when the application registers them all as singletons.
        w.Line($"var interceptors = {RuntimeNames.Interceptors.Type}.{RuntimeNames.Interceptors.For}(endpoints);");
        foreach (var operation in surface.Operations)
        {
            var tokens = ServerEmitter.RouteTokens(operation);
            var endpoint = $"{CSharp.EndpointRouteBuilderExtensions}.MapMethods(group, {Text.Literal(ServerEmitter.RouteTemplate(string.Empty, operation, tokens))}, [{Text.Literal(operation.HttpMethod)}], new {CSharp.RequestDelegate}(http => {operation.MethodName}Async(http, interceptors)))";
            var metadata = ServerEmitter.Security(context, operation) switch
            {
                { Anonymous: true } => $"new {CSharp.AllowAnonymousAttribute}()",
                { Arguments: { } arguments } => $"new {RuntimeNames.ServerSecurity.AttributeType}({arguments})",
                _ => null,
            };
            if (metadata is null)
            {
                w.Line($"{endpoint};");
            }
            else
            {
                w.Line($"{CSharp.EndpointConventionExtensions}.WithMetadata(");
                w.Line($"    {endpoint},");
                w.Line($"    {metadata});");
            }
        }

        w.Line("return group;");
        w.Close();
        w.Line();
        DependencyInjectionEmitter.EmitBackendRegistration(
            w,
            surface,
            $"the endpoints of <see cref=\"{map}\"/> delegate to",
            ServerEmitter.HasSecuredAction(context, surface) ? "and the answers of their security requirements in the document's error shape." : "(no MVC is registered).",
            "The same collection, for chaining.",
            $"{CSharp.ServiceCollection} {add}<[{CSharp.DynamicallyAccessedConstructors}] TImplementation>");
        // Lets the mapping see how interceptors are registered (a list of singletons is then taken once).
        w.Line($"    {RuntimeNames.EndpointServices.Type}.{RuntimeNames.EndpointServices.Add}(services);");
        if (ServerEmitter.HasSecuredAction(context, surface))
        {
            // 401 and 403 answers of the endpoints' security requirements in the document's error shape.
            w.Line($"    {RuntimeNames.ServerSecurity.Type}.{RuntimeNames.ServerSecurity.AddAnswers}(services);");
        }

        w.Line("    return services;");
        w.Line("}");
        foreach (var operation in surface.Operations)
        {
            w.Line();
            w.Line(Text.Summary(operation.Summary ?? operation.Description, $"{operation.HttpMethod} {Text.Inline(operation.Path)}"));
            w.Line("/// <param name=\"http\">The request.</param>");
            w.Line("/// <param name=\"interceptors\">The request interceptors of the mapping.</param>");
            w.Line("/// <returns>A task that completes when the answer is written.</returns>");
            w.Open($"private static async {CSharp.Task} {operation.MethodName}Async({CSharp.HttpContext} http, {RuntimeNames.Interceptors.Type} interceptors)");
            var api = $"{CSharp.ServiceProviderExtensions}.GetRequiredService<{surface.InterfaceName}>(http.RequestServices)";
            ServerEmitter.EmitHandlerBody(w, operation, ServerEmitter.RouteTokens(operation), api, $"interceptors.{RuntimeNames.Interceptors.InterceptAsync}");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
