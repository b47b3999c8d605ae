using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Parsing;

/// <summary>Reduces a compilation to the <see cref="FrameworkSupportModel"/> the registration extensions need.</summary>
public static class FrameworkSupportReader
{
    private const string HttpClientFactoryExtensions = "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";
    private const string MvcExtensions = "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions";

    /// <summary>Looks up the two extension classes the registrations call.</summary>
    public static FrameworkSupportModel Read(Compilation compilation) => new(
        compilation.GetTypeByMetadataName(HttpClientFactoryExtensions) is not null,
        compilation.GetTypeByMetadataName(MvcExtensions) is not null);
}
