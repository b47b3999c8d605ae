using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace EvsCodegen.Benchmarks.Client;

/// <summary>
/// Time per call of <see cref="ClientJsonBenchmarks"/>' generated and hand-written methods, and optionally of the
/// generated method of another build of this project (e.g. main's, copied to a folder) loaded side by side in its own
/// load context: rounds alternate between them in one process, so a loaded machine slows all alike.
/// <c>dotnet tests/EvsCodegen.Benchmarks/bin/Release/net10.0/EvsCodegen.Benchmarks.dll json-time [other-build-folder] [rounds]</c>
/// </summary>
public static class JsonTimeReport
{
    private const int Calls = 200_000;

    /// <summary>Prints the median time per call of each method over the rounds.</summary>
    public static int Run(string[] args)
    {
        var benchmarks = new ClientJsonBenchmarks();
        var methods = new List<(string Name, Func<int> Call)>
        {
            ("hand-written (STJ source generator)", benchmarks.HandWritten),
            ("generated (this build)", benchmarks.Generated),
        };
        if (args.Length > 0 && Directory.Exists(args[0]))
        {
            var folder = Path.GetFullPath(args[0]);
            var context = new FolderLoadContext(folder);
            var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "EvsCodegen.Benchmarks.dll"));
            var type = assembly.GetType(typeof(ClientJsonBenchmarks).FullName!, throwOnError: true)!;
            var other = Activator.CreateInstance(type)!;
            methods.Add(("generated (" + folder + ")", type.GetMethod(nameof(ClientJsonBenchmarks.Generated))!.CreateDelegate<Func<int>>(other)));
        }

        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
        var times = methods.Select(_ => new List<double>()).ToArray();
        for (var round = -1; round < rounds; round++)
        {
            for (var m = 0; m < methods.Count; m++)
            {
                var call = methods[m].Call;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < Calls; i++)
                {
                    call();
                }

                // Round -1 warms up (tiered JIT).
                if (round >= 0)
                {
                    times[m].Add(watch.Elapsed.TotalNanoseconds / Calls);
                }
            }
        }

        Console.WriteLine("| method | median ns per call | rounds (ns per call) |");
        Console.WriteLine("| --- | ---: | --- |");
        for (var m = 0; m < methods.Count; m++)
        {
            var sorted = times[m].Order().ToList();
            Console.WriteLine($"| {methods[m].Name} | {sorted[sorted.Count / 2]:F0} | {string.Join(" / ", times[m].Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} |");
        }

        return 0;
    }

    /// <summary>Loads an assembly and its dependencies from one folder, apart from the default context.</summary>
    private sealed class FolderLoadContext(string folder) : AssemblyLoadContext(isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) && !assemblyName.Name!.StartsWith("System.", StringComparison.Ordinal) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
