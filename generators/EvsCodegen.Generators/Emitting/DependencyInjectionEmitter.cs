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
    // The registrations are the only emitted code that names these types; they live here until CSharp gathers them.
    private const string ServiceCollection = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string HttpClientBuilder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
    private const string HttpClientFactoryExtensions = "global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";
    private const string HttpClientBuilderExtensions = "global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions";
    private const string OptionsExtensions = "global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions";
    private const string DescriptorExtensions = "global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions";
    private const string ServiceProviderExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";
    private const string ServiceDescriptor = "global::Microsoft.Extensions.DependencyInjection.ServiceDescriptor";
    private const string ServiceLifetime = "global::Microsoft.Extensions.DependencyInjection.ServiceLifetime";
    private const string OptionsMonitor = "global::Microsoft.Extensions.Options.IOptionsMonitor";
    private const string MvcBuilder = "global::Microsoft.Extensions.DependencyInjection.IMvcBuilder";
    private const string MvcExtensions = "global::Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions";
    private const string AssemblyPart = "global::Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart";
    private const string ApplicationPart = "global::Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPart";
    private const string FeatureProvider = "global::Microsoft.AspNetCore.Mvc.ApplicationParts.IApplicationFeatureProvider";
    private const string ControllerFeature = "global::Microsoft.AspNetCore.Mvc.Controllers.ControllerFeature";
    private const string HttpClient = "global::System.Net.Http.HttpClient";
    private const string Uri = "global::System.Uri";
    private const string ArgumentNullException = "global::System.ArgumentNullException";

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
        w.Open($"public static {HttpClientBuilder} {ReservedNames.AddClientMethod(client)}(this {ServiceCollection} services, {Uri}? baseAddress = null, global::System.Action<{ReservedNames.ClientOptions}>? configureOptions = null)");
        w.Line($"{ArgumentNullException}.ThrowIfNull(services);");
        w.Line($"var options = {OptionsExtensions}.AddOptions<{ReservedNames.ClientOptions}>(services);");
        w.Open("if (configureOptions is not null)");
        w.Line("options.Configure(configureOptions);");
        w.Close();
        w.Line();
        w.Line($"var builder = {HttpClientFactoryExtensions}.AddHttpClient<{client}, {client}>(services, HttpClientName, static ({HttpClient} httpClient, global::System.IServiceProvider provider) =>");
        w.Line($"    new {client}(httpClient, {ServiceProviderExtensions}.GetRequiredService<{OptionsMonitor}<{ReservedNames.ClientOptions}>>(provider).CurrentValue));");
        // The primary handler's own redirects copy every header but Authorization to any host; the runtime follows
        // only same-origin GET and HEAD redirects itself.
        w.Line($"{HttpClientBuilderExtensions}.ConfigurePrimaryHttpMessageHandler(builder, {RuntimeNames.Client.Type}.{RuntimeNames.Client.DisableAutoRedirect});");
        w.Open("if (baseAddress is not null)");
        w.Line($"{HttpClientBuilderExtensions}.ConfigureHttpClient(builder, httpClient => httpClient.BaseAddress = baseAddress);");
        w.Close();
        w.Line();
        w.Line($"{DescriptorExtensions}.TryAddTransient<{surface.InterfaceName}>(services, static provider => {ServiceProviderExtensions}.GetRequiredService<{client}>(provider));");
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
        w.Open($"public static {MvcBuilder} {addControllers}(this {ServiceCollection} services)");
        w.Line($"{ArgumentNullException}.ThrowIfNull(services);");
        w.Line($"var builder = {MvcExtensions}.AddControllers(services);");
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
        w.Open($"if (part is {AssemblyPart} assemblyPart && assemblyPart.Assembly == assembly)");
        w.Line("return builder;");
        w.Close();
        w.Close();
        w.Line();
        w.Line($"builder.PartManager.ApplicationParts.Add(new {AssemblyPart}(assembly));");
        w.Line("return builder;");
        w.Close();
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// Registers <typeparamref name=\"TImplementation\"/> as the <see cref=\"{surface.InterfaceName}\"/> the controller delegates to,");
        w.Line($"/// and the controller itself (<see cref=\"{addControllers}\"/>).");
        w.Line("/// </summary>");
        w.Line("/// <typeparam name=\"TImplementation\">The backend.</typeparam>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"lifetime\">The backend's lifetime; scoped (one per request) by default.</param>");
        w.Line("/// <returns>The MVC builder, for further MVC configuration.</returns>");
        w.Line($"public static {MvcBuilder} {addServer}<TImplementation>(this {ServiceCollection} services, {ServiceLifetime} lifetime = {ServiceLifetime}.Scoped)");
        w.Line($"    where TImplementation : class, {surface.InterfaceName}");
        w.Line("{");
        w.Line($"    {ArgumentNullException}.ThrowIfNull(services);");
        w.Line($"    services.Add({ServiceDescriptor}.Describe(typeof({surface.InterfaceName}), typeof(TImplementation), lifetime));");
        w.Line($"    return {addControllers}(services);");
        w.Line("}");
        if (!context.Public)
        {
            w.Line();
            w.Line($"/// <summary>Adds the internal <see cref=\"{controller}\"/> to the controllers MVC knows.</summary>");
            w.Open($"private sealed class ControllerProvider : {FeatureProvider}<{ControllerFeature}>");
            w.Line("/// <inheritdoc/>");
            w.Open($"public void PopulateFeature(global::System.Collections.Generic.IEnumerable<{ApplicationPart}> parts, {ControllerFeature} feature)");
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
