using BenchmarkDotNet.Running;
using EvsCodegen.Benchmarks;

// Extra modes that are not BenchmarkDotNet runs: the incremental report (item 2's step reasons), the sizes of
// what is generated and the server load test (item 5). Everything else goes to BenchmarkDotNet, each class with
// its [Config(typeof(BenchConfig))].
return args.FirstOrDefault() switch
{
    "incremental" => EvsCodegen.Benchmarks.Generator.IncrementalReport.Run(),
    "sizes" => EvsCodegen.Benchmarks.Generator.SizeReport.Run(),
    "json-alloc" => EvsCodegen.Benchmarks.Client.JsonAllocationReport.Run(),
    "json-time" => EvsCodegen.Benchmarks.Client.JsonTimeReport.Run(args.Skip(1).ToArray()),
    "enum-read" => EvsCodegen.Benchmarks.Client.EnumReadBenchmarks.Report(args.Skip(1).ToArray()),
    "compile-cost" => EvsCodegen.Benchmarks.Generator.CompileCostReport.Run(args.Skip(1).ToArray()),
    "compile-cost-file" => EvsCodegen.Benchmarks.Generator.CompileCostFileReport.Run(args.Skip(1).ToArray()),
    "compile-scaling" => EvsCodegen.Benchmarks.Generator.CompileScalingReport.Run(args.Skip(1).ToArray()),
    "loop" => EvsCodegen.Benchmarks.Generator.ProfileLoop.Run(args.Skip(1).ToArray()),
    "load" => await EvsCodegen.Benchmarks.Server.LoadTest.RunAsync(args.Skip(1).ToArray()),
    "inproc" => await EvsCodegen.Benchmarks.Server.InProcessPairReport.RunAsync(args.Skip(1).ToArray()),
    "json-pair" => await EvsCodegen.Benchmarks.Server.JsonPairReport.RunAsync(args.Skip(1).ToArray()),
    _ => Run(args),
};

static int Run(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}
