using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>
/// Compile cost of generated code for one very large schema (issue 13.4): a string enum of N values or an object of
/// N properties. Generates the document, runs the generator through the driver and emits the compilation with
/// Roslyn in-process, then prints seconds and the process's peak working set. One size per process, so the peak is
/// that size's own; <c>tests/scripts/bench-compile-cost.sh</c> runs the sizes one after another.
/// </summary>
internal static class CompileCostReport
{
    public static int Run(string[] args)
    {
        if (args.Length != 2 || args[0] is not ("enum" or "object") || !int.TryParse(args[1], out var size) || size < 1)
        {
            Console.Error.WriteLine("usage: compile-cost enum|object <size>");
            return 2;
        }

        var document = Document(args[0], size);
        var total = Stopwatch.StartNew();
        var driver = GeneratorHost.CreateDriver(GeneratorHost.Text("/bench/big.yaml", document), trackSteps: false);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHost.CreateCompilation(), out var output, out var generatorDiagnostics);
        var generated = total.Elapsed;
        using var peStream = new MemoryStream();
        var result = output.Emit(peStream);
        total.Stop();
        var lines = output.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
        var errors = result.Diagnostics.Concat(generatorDiagnostics).Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        Console.WriteLine($"{args[0]}\t{size}\tlines={lines}\tgenerate={generated.TotalSeconds:F2}s\ttotal={total.Elapsed.TotalSeconds:F2}s\tpeakWorkingSet={Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)}MB\terrors={errors}\twarnings={warnings}\tsuccess={result.Success}");
        foreach (var d in result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(5))
        {
            Console.WriteLine("  " + d);
        }

        return result.Success ? 0 : 1;
    }

    /// <summary>A document with one operation that takes and returns the big schema, so client and server code are compiled too.</summary>
    public static string Document(string kind, int size)
    {
        var text = new StringBuilder();
        text.Append("""
            openapi: 3.0.3
            info: {title: big, version: '1'}
            paths:
              /big:
                put:
                  operationId: putBig
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Big'}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Big'}
            components:
              schemas:

            """);
        if (kind == "enum")
        {
            text.Append("    Big:\n      type: string\n      enum:\n");
            for (var i = 0; i < size; i++)
            {
                text.Append("        - value_").Append(i).Append('\n');
            }
        }
        else
        {
            text.Append("    Big:\n      type: object\n      additionalProperties: false\n      required: [p0]\n      properties:\n");
            for (var i = 0; i < size; i++)
            {
                text.Append("        p").Append(i).Append(i % 3 == 0 ? ": {type: integer}\n" : i % 3 == 1 ? ": {type: string, maxLength: 10}\n" : ": {type: boolean}\n");
            }
        }

        return text.ToString();
    }
}
