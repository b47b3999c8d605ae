namespace EvsCodegen.Benchmarks.Client;

/// <summary>
/// Bytes allocated per call of each <see cref="ClientJsonBenchmarks"/> method, counted directly with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> over many calls after a warm-up: a cross-check of
/// BenchmarkDotNet's memory column. <c>dotnet run -c Release --project tests/EvsCodegen.Benchmarks -- json-alloc</c>
/// </summary>
public static class JsonAllocationReport
{
    private const int Calls = 100_000;

    /// <summary>Prints one line per client.</summary>
    public static int Run()
    {
        var benchmarks = new ClientJsonBenchmarks();
        (string Name, Func<int> Call)[] methods =
        [
            ("hand-written (STJ source generator)", benchmarks.HandWritten),
            ("generated", benchmarks.Generated),
            ("NSwag", benchmarks.NSwag),
        ];
        Console.WriteLine("| client | bytes allocated per call (request serialized + response deserialized) |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (name, call) in methods)
        {
            for (var i = 0; i < 10_000; i++)
            {
                call();
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            var sink = 0;
            for (var i = 0; i < Calls; i++)
            {
                sink += call();
            }

            var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
            Console.WriteLine($"| {name} | {perCall:F0} B |" + (sink == 0 ? " " : string.Empty));
        }

        return 0;
    }
}
