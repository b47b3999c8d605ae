using System.Reflection;
using EvsCodegen.Generators.Emitting;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The emitters call the runtime only through <see cref="RuntimeNames"/>; every name there must exist in the runtime
/// libraries, so renaming either side fails here rather than in a consumer's build.
/// </summary>
public sealed class RuntimeNamesTests
{
    private static readonly Assembly[] s_runtime =
    [
        typeof(EvsCodegen.Runtime.ApiJsonReader).Assembly,
        typeof(EvsCodegen.Runtime.AspNetCore.ApiServerRuntime).Assembly,
    ];

    public static TheoryData<string, string> Names()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in typeof(RuntimeNames).GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            foreach (var field in group.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            {
                data.Add(group.Name, field.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryRuntimeName_ResolvesInTheRuntimeLibraries(string group, string constant)
    {
        var groupType = typeof(RuntimeNames).GetNestedType(group, BindingFlags.Public | BindingFlags.NonPublic)!;
        var value = (string)groupType.GetField(constant)!.GetRawConstantValue()!;
        if (value.StartsWith("global::", StringComparison.Ordinal))
        {
            Assert.NotNull(FindType(value));
            return;
        }

        var owner = FindType((string)groupType.GetField("Type")!.GetRawConstantValue()!);
        Assert.NotNull(owner);
        Assert.NotEmpty(owner!.GetMember(value, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance));
    }

    [Fact]
    public void ParameterStyle_NamesEveryRuntimeApiParameterStyle_AndNoOther()
    {
        // ParameterText.Style writes the model's style name as the runtime's member name: the two enums must match by name.
        Assert.Equal(
            Enum.GetNames<EvsCodegen.Runtime.ApiParameterStyle>().Order(StringComparer.Ordinal),
            Enum.GetNames<EvsCodegen.Generators.Model.ParameterStyle>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RuntimeAssemblyNames_AreTheAssembliesNames()
    {
        Assert.Equal(RuntimeNames.RuntimeAssembly, s_runtime[0].GetName().Name);
        Assert.Equal(RuntimeNames.AspNetCoreAssembly, s_runtime[1].GetName().Name);
    }

    [Fact]
    public void RuntimeVersion_IsTheGeneratorsVersion()
    {
        // One version for every package: the runtime the repository builds is the one the generator asks for (EVS1020).
        var version = s_runtime[0].GetName().Version!;
        Assert.Equal(CSharp.Version, $"{version.Major}.{version.Minor}.{version.Build}");
    }

    private static Type? FindType(string qualified)
    {
        var name = qualified.Substring("global::".Length);
        // A generic type is named without its arity (ApiJsonReadFunc, written ApiJsonReadFunc<T> in the emitted code).
        return s_runtime.Select(a => a.GetType(name) ?? a.GetType(name + "`1")).FirstOrDefault(t => t is not null);
    }
}
