using EvsCodegen.Runtime.AspNetCore;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary><see cref="ApiOperationDescriptionProvider"/>: what ApiExplorer sees of an action carrying the operation attributes.</summary>
public sealed class OperationDescriptionTests
{
    [Fact]
    public void DescribedAction_GetsTheDocumentsPathParametersBodyAndResponses()
    {
        var description = Describe(
            new ApiOperationAttribute("v2/pets/{pet-id}"),
            new ApiParameterAttribute("pet-id", ApiParameterLocation.Path, typeof(long)) { Required = true },
            new ApiParameterAttribute("tags", ApiParameterLocation.Query, typeof(IReadOnlyList<Color>)),
            new ApiParameterAttribute("X-Trace", ApiParameterLocation.Header, typeof(Color?)),
            new ApiParameterAttribute("session", ApiParameterLocation.Cookie, typeof(string)),
            new ApiRequestBodyAttribute(typeof(Pet), "application/json", "application/x-www-form-urlencoded") { Required = true },
            new ApiResponseAttribute(201, typeof(Pet), "application/json"),
            new ApiResponseAttribute(204, null),
            new ApiResponseAttribute(0, typeof(string), "application/problem+json"));

        Assert.Equal("v2/pets/{pet-id}", description.RelativePath);
        Assert.Equal(
            [("pet-id", "Path", typeof(long), true), ("tags", "Query", typeof(string[]), false), ("X-Trace", "Header", typeof(string), false), ("body", "Body", typeof(Pet), true)],
            description.ParameterDescriptions.Select(p => (p.Name, p.Source.Id, p.Type, p.IsRequired)));
        Assert.All(description.ParameterDescriptions, p => Assert.Equal(p.Type, p.ModelMetadata.ModelType));
        Assert.Equal(["application/json", "application/x-www-form-urlencoded"], description.SupportedRequestFormats.Select(f => f.MediaType));
        Assert.Equal(
            [(201, false, typeof(Pet), "application/json"), (204, false, typeof(void), ""), (0, true, typeof(string), "application/problem+json")],
            description.SupportedResponseTypes.Select(r => (r.StatusCode, r.IsDefaultResponse, r.Type!, string.Join(",", r.ApiResponseFormats.Select(f => f.MediaType)))));
    }

    [Fact]
    public void ActionWithoutTheOperationAttribute_IsLeftAsMvcDescribedIt()
    {
        var description = Describe(new ApiParameterAttribute("q", ApiParameterLocation.Query, typeof(string)));

        Assert.Equal("original", description.RelativePath);
        Assert.Equal("mvc", Assert.Single(description.ParameterDescriptions).Name);
    }

    [Fact]
    public void Registration_IsIdempotent()
    {
        var services = new ServiceCollection().AddApiOperationDescriptions().AddApiOperationDescriptions();

        Assert.Single(services, s => s.ImplementationType == typeof(ApiOperationDescriptionProvider));
    }

    private static ApiDescription Describe(params object[] metadata)
    {
        var description = new ApiDescription
        {
            ActionDescriptor = new ActionDescriptor { EndpointMetadata = metadata },
            RelativePath = "original",
        };
        description.ParameterDescriptions.Add(new ApiParameterDescription { Name = "mvc", Source = BindingSource.Query });
        var context = new ApiDescriptionProviderContext([description.ActionDescriptor]);
        context.Results.Add(description);
        new ApiOperationDescriptionProvider(new EmptyModelMetadataProvider()).OnProvidersExecuting(context);
        return description;
    }

    /// <summary>Shaped like a generated enum value struct: a <c>Value</c> and a nested <c>Values</c> class of constants.</summary>
    public readonly struct Color
    {
        public string Value { get; init; }

        public static class Values
        {
            public const string Red = "red";
        }
    }

    public sealed class Pet
    {
        public string? Name { get; init; }
    }
}
