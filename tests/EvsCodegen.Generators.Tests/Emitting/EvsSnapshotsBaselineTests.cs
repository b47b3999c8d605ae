using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>The EVS document with every family emitted, compared file by file with Baselines/EvsSnapshots.</summary>
public sealed class EvsSnapshotsBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("EvsSnapshots");

    private static readonly string[] s_expectedHintNames =
    [
        "EvsSnapshots.Faults.g.cs",
        "EvsSnapshots.Resolver.g.cs",
        "EvsSnapshots.Models.UpdateSnapshotRequest.g.cs",
        "EvsSnapshots.Models.UpdateSnapshotOption.g.cs",
        "EvsSnapshots.Models.SnapshotResponse.g.cs",
        "EvsSnapshots.Models.SnapshotDetail.g.cs",
        "EvsSnapshots.Models.SnapshotStatus.g.cs",
        "EvsSnapshots.Models.Fault.g.cs",
        "EvsSnapshots.Contracts.ISnapshotsApi.g.cs",
        "EvsSnapshots.ClientOptions.g.cs",
        "EvsSnapshots.Clients.SnapshotsApiClient.g.cs",
        "EvsSnapshots.Controllers.SnapshotsApiController.g.cs",
        "EvsSnapshots.DependencyInjection.SnapshotsApiClient.g.cs",
        "EvsSnapshots.DependencyInjection.SnapshotsApiController.g.cs",
    ];

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Evs()));

    [Fact]
    public void EvsDocument_EmitsOneFilePerFaultTableTypeModelContractClientControllerAndRegistration()
    {
        Assert.Equal(s_expectedHintNames, s_run.Value.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void EvsDocument_ReportsNoDiagnostics()
    {
        Assert.Empty(s_run.Value.Diagnostics);
    }

    [Fact]
    public void EvsDocument_GeneratedFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources;
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void EvsDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
