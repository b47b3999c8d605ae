using System.Collections.Generic;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Emits the <c>IServiceCollection</c> registrations beside the client and the controllers, so that they change in
/// lockstep with them: a typed client on <c>IHttpClientFactory</c>, and the controllers' application part plus the
/// backend that implements the contract. Each is emitted only when the compilation references what it calls.
/// </summary>
internal static class DependencyInjectionEmitter
{

    /// <summary>One registration unit per surface and emitted family, after the family's own units.</summary>
    public static IEnumerable<EmitUnitModel> Split(ApiModel? model)
    {
        if (model is null)
        {
            yield break;
        }

        var context = model.Context;
        var prefix = context.DocumentName + ".DependencyInjection.";
        if ((context.Emit & EmitKinds.Client) != 0)
        {
            foreach (var surface in model.Surfaces)
            {
                yield return new EmitUnitModel(EmitUnitKind.ClientServices, HintNames.Create(prefix + surface.ClientName), context, null, surface, default);
            }
        }

        if ((context.Emit & EmitKinds.Server) != 0)
        {
            foreach (var surface in model.Surfaces)
            {
                yield return new EmitUnitModel(EmitUnitKind.ServerServices, HintNames.Create(prefix + surface.ControllerName), context, null, surface, default);
            }
        }
    }

    /// <summary>Whether the compilation references what the unit's registration calls.</summary>
    public static bool IsSupported(EmitUnitKind kind, FrameworkSupportModel support) => kind switch
    {
        EmitUnitKind.ClientServices => support.HttpClientFactory,
        EmitUnitKind.ServerServices => support.Mvc,
        _ => false,
    };

    /// <summary>
    /// The start of a server registration method, shared by the controller's and the minimal-API endpoints': its doc
    /// (<paramref name="delegatesTo"/> and <paramref name="andAlso"/> end its summary's two lines), its signature (<paramref name="declaration"/> is the return type, name and type parameter list), and the lines
    /// registering <c>TImplementation</c> as the surface's contract. The caller writes the rest and the closing brace.
    /// </summary>
    internal static void EmitBackendRegistration(SourceWriter w, SurfaceModel surface, string delegatesTo, string andAlso, string returns, string declaration)
    {
        w.Line("/// <summary>");
        w.Line($"/// Registers <typeparamref name=\"TImplementation\"/> as the <see cref=\"{surface.InterfaceName}\"/> {delegatesTo}");
        w.Line($"/// {andAlso}");
        w.Line("/// </summary>");
        w.Line("/// <typeparam name=\"TImplementation\">The backend.</typeparam>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"lifetime\">The backend's lifetime; scoped (one per request) by default.</param>");
        w.Line($"/// <returns>{returns}</returns>");
        w.Line($"public static {declaration}(this {CSharp.ServiceCollection} services, {CSharp.ServiceLifetime} lifetime = {CSharp.ServiceLifetime}.Scoped)");
        w.Line($"    where TImplementation : class, {surface.InterfaceName}");
        w.Line("{");
        w.Line($"    {CSharp.ArgumentNullException}.ThrowIfNull(services);");
        w.Line($"    services.Add({CSharp.ServiceDescriptor}.Describe(typeof({surface.InterfaceName}), typeof(TImplementation), lifetime));");
    }

    /// <summary>The typed-client registration of one surface.</summary>
    public static string EmitClient(ApiContextModel context, SurfaceModel surface)
    {
        var client = surface.ClientName;
        var w = SourceWriter.ForFile(context);
        w.Line($"/// <summary>Registers <see cref=\"{client}\"/> as a typed client on <c>IHttpClientFactory</c>.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} static partial class {client}{SurfaceModel.ServicesSuffix}");
        w.Line($"/// <summary>The name of the <c>HttpClient</c> the factory configures for <see cref=\"{client}\"/>.</summary>");
        w.Line($"public const string HttpClientName = {Text.Literal(context.Namespace + "." + client)};");
        w.Line();
        w.Line($"/// <summary>");
        w.Line($"/// Registers <see cref=\"{client}\"/> on <c>IHttpClientFactory</c>, resolvable as itself and as <see cref=\"{surface.InterfaceName}\"/>");
        w.Line("/// (unless another implementation of the contract is already registered). The <see cref=\"ApiClientOptions\"/> it sends");
        w.Line("/// come from the options system, so they can also be bound from configuration.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"baseAddress\">The server's root; leave it null to set <c>BaseAddress</c> through the returned builder.</param>");
        w.Line("/// <param name=\"configureOptions\">Sets the credentials every call sends.</param>");
        w.Line("/// <returns>The builder of the client's <c>HttpClient</c>, to add handlers (resilience, logging, token refresh).</returns>");
        w.Open($"public static {CSharp.HttpClientBuilder} {ReservedNames.AddClientMethod(client)}(this {CSharp.ServiceCollection} services, {CSharp.Uri}? baseAddress = null, global::System.Action<{ReservedNames.ClientOptions}>? configureOptions = null)");
        w.Line($"{CSharp.ArgumentNullException}.ThrowIfNull(services);");
        w.Line($"var options = {CSharp.OptionsExtensions}.AddOptions<{ReservedNames.ClientOptions}>(services);");
        w.Open("if (configureOptions is not null)");
        w.Line("options.Configure(configureOptions);");
        w.Close();
        w.Line();
        w.Line($"var builder = {CSharp.HttpClientFactoryExtensions}.AddHttpClient<{client}, {client}>(services, HttpClientName, static ({CSharp.HttpClient} httpClient, global::System.IServiceProvider provider) =>");
        w.Line($"    new {client}(httpClient, {CSharp.ServiceProviderExtensions}.GetRequiredService<{CSharp.OptionsMonitor}<{ReservedNames.ClientOptions}>>(provider).CurrentValue));");
        // The primary handler's own redirects copy every header but Authorization to any host; the runtime follows
        // only same-origin GET and HEAD redirects itself.
        w.Line($"{CSharp.HttpClientBuilderExtensions}.ConfigurePrimaryHttpMessageHandler(builder, {RuntimeNames.Client.Type}.{RuntimeNames.Client.DisableAutoRedirect});");
        w.Open("if (baseAddress is not null)");
        w.Line($"{CSharp.HttpClientBuilderExtensions}.ConfigureHttpClient(builder, httpClient => httpClient.BaseAddress = baseAddress);");
        w.Close();
        w.Line();
        w.Line($"{CSharp.DescriptorExtensions}.TryAddTransient<{surface.InterfaceName}>(services, static provider => {CSharp.ServiceProviderExtensions}.GetRequiredService<{client}>(provider));");
        w.Line("return builder;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The controller and backend registrations of one surface.</summary>
    public static string EmitServer(ApiContextModel context, SurfaceModel surface)
    {
        var controller = surface.ControllerName;
        var addControllers = ReservedNames.AddControllersMethod(controller);
        var addServer = ReservedNames.AddServerMethod(controller);
        var w = SourceWriter.ForFile(context);
        w.Line($"/// <summary>Registers <see cref=\"{controller}\"/> and the <see cref=\"{surface.InterfaceName}\"/> it delegates to.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} static partial class {controller}{SurfaceModel.ServicesSuffix}");
        w.Line("/// <summary>");
        w.Line($"/// Adds MVC controllers and the assembly of <see cref=\"{controller}\"/> as an application part, so that a host whose");
        w.Line("/// entry assembly is another one (a test host, a shared library) still finds the controller. Safe to call twice.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <returns>The MVC builder, for further MVC configuration.</returns>");
        w.Open($"public static {CSharp.MvcBuilder} {addControllers}(this {CSharp.ServiceCollection} services)");
        w.Line($"{CSharp.ArgumentNullException}.ThrowIfNull(services);");
        if (ServerEmitter.HasSecuredAction(context, surface))
        {
            // 401 and 403 answers of the actions' security requirements in the document's error shape.
            w.Line($"{RuntimeNames.ServerSecurity.Type}.{RuntimeNames.ServerSecurity.AddAnswers}(services);");
        }

        // The actions described to ApiExplorer as the document declares them (served OpenAPI documents, Swashbuckle).
        w.Line($"{RuntimeNames.Description.Type}.{RuntimeNames.Description.Add}(services);");
        w.Line($"var builder = {CSharp.MvcExtensions}.AddControllers(services);");
        if (!context.Public)
        {
            // MVC discovers public controllers only; an internal one is added to the controller feature by name.
            w.Open($"if (!global::System.Linq.Enumerable.Any(global::System.Linq.Enumerable.OfType<ControllerProvider>(builder.PartManager.FeatureProviders)))");
            w.Line("builder.PartManager.FeatureProviders.Add(new ControllerProvider());");
            w.Close();
            w.Line();
        }

        w.Line($"var assembly = typeof({controller}).Assembly;");
        w.Open("foreach (var part in builder.PartManager.ApplicationParts)");
        w.Open($"if (part is {CSharp.AssemblyPart} assemblyPart && assemblyPart.Assembly == assembly)");
        w.Line("return builder;");
        w.Close();
        w.Close();
        w.Line();
        w.Line($"builder.PartManager.ApplicationParts.Add(new {CSharp.AssemblyPart}(assembly));");
        w.Line("return builder;");
        w.Close();
        w.Line();
        EmitBackendRegistration(
            w,
            surface,
            "the controller delegates to,",
            $"and the controller itself (<see cref=\"{addControllers}\"/>).",
            "The MVC builder, for further MVC configuration.",
            $"{CSharp.MvcBuilder} {addServer}<TImplementation>");
        w.Line($"    return {addControllers}(services);");
        w.Line("}");
        if (!context.Public)
        {
            w.Line();
            w.Line($"/// <summary>Adds the internal <see cref=\"{controller}\"/> to the controllers MVC knows.</summary>");
            w.Open($"private sealed class ControllerProvider : {CSharp.FeatureProvider}<{CSharp.ControllerFeature}>");
            w.Line("/// <inheritdoc/>");
            w.Open($"public void PopulateFeature(global::System.Collections.Generic.IEnumerable<{CSharp.ApplicationPart}> parts, {CSharp.ControllerFeature} feature)");
            w.Line($"var type = global::System.Reflection.IntrospectionExtensions.GetTypeInfo(typeof({controller}));");
            w.Open("if (!feature.Controllers.Contains(type))");
            w.Line("feature.Controllers.Add(type);");
            w.Close();
            w.Close();
            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
