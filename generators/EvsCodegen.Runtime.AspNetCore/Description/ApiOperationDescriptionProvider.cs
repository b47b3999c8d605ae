using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// Describes generated actions to ASP.NET Core's ApiExplorer as the OpenAPI document declares them: the document's path,
/// its path, query and header parameters (name, type, required), the request body's type and media types, and each
/// response's status, type and media types. The actions read the request themselves (so the document's validation and
/// error shape apply), which leaves MVC's own description parameterless; this provider runs after it
/// (<see cref="Order"/>) and replaces what it found for actions carrying <see cref="ApiOperationAttribute"/>. Tools reading
/// ApiExplorer (Microsoft.AspNetCore.OpenApi, Swashbuckle) then serve a document that matches the source one.
/// </summary>
/// <param name="metadata">The model metadata the descriptions carry, as MVC's own provider gives them.</param>
public sealed class ApiOperationDescriptionProvider(IModelMetadataProvider metadata) : IApiDescriptionProvider
{
    /// <summary>After MVC's <c>DefaultApiDescriptionProvider</c> (-1000), whose descriptions this completes.</summary>
    public int Order => 0;

    /// <inheritdoc/>
    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var description in context.Results)
        {
            var endpoint = description.ActionDescriptor.EndpointMetadata;
            if (endpoint.OfType<ApiOperationAttribute>().FirstOrDefault() is not { } operation)
            {
                continue;
            }

            description.RelativePath = operation.RelativePath;
            description.ParameterDescriptions.Clear();
            foreach (var parameter in endpoint.OfType<ApiParameterAttribute>())
            {
                if (Source(parameter.Location) is { } source)
                {
                    description.ParameterDescriptions.Add(Parameter(parameter.Name, source, WireType(parameter.Type), parameter.Required));
                }
            }

            description.SupportedRequestFormats.Clear();
            if (endpoint.OfType<ApiRequestBodyAttribute>().FirstOrDefault() is { } body)
            {
                description.ParameterDescriptions.Add(Parameter("body", BindingSource.Body, body.Type, body.Required));
                foreach (var mediaType in body.MediaTypes)
                {
                    description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = mediaType });
                }
            }

            description.SupportedResponseTypes.Clear();
            foreach (var response in endpoint.OfType<ApiResponseAttribute>())
            {
                var type = response.Type ?? typeof(void);
                var answer = new ApiResponseType
                {
                    StatusCode = response.StatusCode,
                    IsDefaultResponse = response.StatusCode == 0,
                    Type = type,
                    ModelMetadata = response.Type is null ? null : metadata.GetMetadataForType(type),
                };
                foreach (var mediaType in response.MediaTypes)
                {
                    answer.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = mediaType });
                }

                description.SupportedResponseTypes.Add(answer);
            }
        }
    }

    /// <inheritdoc/>
    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private ApiParameterDescription Parameter(string name, BindingSource source, Type type, bool required) => new()
    {
        Name = name,
        Source = source,
        Type = type,
        ModelMetadata = metadata.GetMetadataForType(type),
        IsRequired = required,
        ParameterDescriptor = new ParameterDescriptor { Name = name, ParameterType = type, BindingInfo = new BindingInfo { BindingSource = source } },
    };

    // ApiExplorer has no cookie source (OpenAPI tools would refuse a custom one): cookies are left out of the description.
    private static BindingSource? Source(ApiParameterLocation location) => location switch
    {
        ApiParameterLocation.Path => BindingSource.Path,
        ApiParameterLocation.Query => BindingSource.Query,
        ApiParameterLocation.Header => BindingSource.Header,
        _ => null,
    };

    /// <summary>
    /// The type a parameter is described as: a generated enum value struct (a struct with a nested <c>Values</c> class of
    /// constants and a <c>Value</c> property) by its wire value's type, and a list by an array of its items', so a schema
    /// generator sees <c>string</c>, <c>integer</c> and arrays, not opaque structs.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Generated enum structs and lists keep their public members: the actions read them.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Generated enum structs keep their public members: the actions read them.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Array types of the parameters' item types, which the actions build.")]
    private static Type WireType(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain.IsValueType && plain.GetNestedType("Values", BindingFlags.Public) is not null
            && plain.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance) is { } value)
        {
            return value.PropertyType;
        }

        if (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return WireType(plain.GetGenericArguments()[0]).MakeArrayType();
        }

        return plain;
    }
}

/// <summary>Registers <see cref="ApiOperationDescriptionProvider"/>.</summary>
public static class ApiOperationDescriptionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ApiOperationDescriptionProvider"/>, so ApiExplorer (and the OpenAPI documents built from it) sees
    /// generated actions with the document's parameters, bodies and responses. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddApiOperationDescriptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ApiOperationDescriptionProvider>());
        return services;
    }
}
