using System.IO.Compression;
using System.Xml.Linq;

namespace EvsCodegen.Packaging.Tests.Infrastructure;

/// <summary>Reads a .nupkg: its payload files and its nuspec metadata.</summary>
internal static class PackageContent
{
    /// <summary>The files a package carries, without the OPC plumbing every package has.</summary>
    public static IEnumerable<string> Files(ZipArchive package) => package.Entries
        .Select(e => e.FullName)
        .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
        .Order(StringComparer.Ordinal);

    public static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public static XElement? Element(XElement parent, string name) => parent.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    public static string? Value(XElement parent, string name) => Element(parent, name)?.Value;

    /// <summary>The package dependencies as <c>id version</c>, ordered.</summary>
    public static IEnumerable<string> Dependencies(XElement metadata) => (Element(metadata, "dependencies")?.Descendants() ?? [])
        .Where(e => e.Name.LocalName == "dependency")
        .Select(e => $"{e.Attribute("id")!.Value} {e.Attribute("version")!.Value}")
        .Order(StringComparer.Ordinal);
}
