using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace EvsCodegen.Benchmarks;

/// <summary>
/// A short job (one launch, 2 warm-ups, 5 measured iterations) with allocations and ratios to the baseline: the
/// machine has 2 cores shared with other work, so the whole run takes minutes and the error columns say how much
/// to trust each figure.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public BenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean, BaselineAllocationRatioColumn.RatioMean);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }
}
