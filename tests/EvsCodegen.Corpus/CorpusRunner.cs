using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EvsCodegen.Corpus;

/// <summary>Finds the documents of a folder and runs each one, in its own compilation, with a timeout.</summary>
public static class CorpusRunner
{
    private static readonly string[] s_extensions = [".yaml", ".yml", ".json"];

    /// <summary>The default time the generator may take over one document before it counts as a hang.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The default time compiling one document's generated code may take, counted from the generator's end, before it
    /// counts as a slow compile. Compile time grows with the output (Stripe's 2.95 MB document: about a minute in a
    /// real build), so it has its own budget and outcome: a slow compile is never reported as a generator hang.
    /// </summary>
    public static readonly TimeSpan DefaultCompileTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The documents of <paramref name="folder"/>: every YAML or JSON file directly in it, and files in subfolders
    /// whose top level has an <c>openapi</c> or <c>swagger</c> key. The other files of a subfolder are fragments
    /// that external references may name: a fragment belongs to the nearest folder above it that holds a document,
    /// and each document of that folder gets it as an extra <c>AdditionalFiles</c> item without OpenApi metadata.
    /// </summary>
    public static IReadOnlyList<CorpusDocument> Discover(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => s_extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .ToList();
        var documents = files
            .Where(f => string.Equals(Path.GetDirectoryName(f.Path), root, StringComparison.Ordinal) || DocumentFacts.IsDocument(f.Text))
            .ToList();
        var documentFolders = documents.Select(d => Path.GetDirectoryName(d.Path)!).ToHashSet(StringComparer.Ordinal);
        var fragments = files.Except(documents)
            .Select(f => (f.Path, f.Text, Owner: OwnerFolder(f.Path, documentFolders, root)))
            .ToList();
        return documents.Select(d =>
        {
            var directory = Path.GetDirectoryName(d.Path)!;
            var own = fragments
                .Where(f => string.Equals(f.Owner, directory, StringComparison.Ordinal))
                .Select(f => new KeyValuePair<string, string>(f.Path, f.Text))
                .ToList();
            var name = Path.GetRelativePath(root, d.Path).Replace('\\', '/');
            return new CorpusDocument(name, d.Path, d.Text, NamespaceFor(name), own);
        }).ToList();
    }

    private static string OwnerFolder(string fragment, HashSet<string> documentFolders, string root)
    {
        for (var folder = Path.GetDirectoryName(fragment); folder is not null && folder.Length >= root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (documentFolders.Contains(folder))
            {
                return folder;
            }
        }

        return root;
    }

    /// <summary>Runs every document, <paramref name="parallelism"/> at a time; results come back in document order.</summary>
    /// <param name="documents">The documents.</param>
    /// <param name="timeout">The generator's budget per document.</param>
    /// <param name="parallelism">How many documents run at once.</param>
    /// <param name="progress">Told of each result as it comes.</param>
    /// <param name="compileTimeout">The compile budget per document; <see cref="DefaultCompileTimeout"/> when null.</param>
    public static IReadOnlyList<DocumentResult> Run(IReadOnlyList<CorpusDocument> documents, TimeSpan timeout, int parallelism, Action<DocumentResult>? progress = null, TimeSpan? compileTimeout = null)
    {
        var results = new DocumentResult[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            results[i] = RunOne(documents[i], timeout, compileTimeout: compileTimeout);
            progress?.Invoke(results[i]);
        });
        return results;
    }

    /// <summary>
    /// Runs one document on a thread of its own, with two budgets: <paramref name="timeout"/> for the generator, then
    /// <paramref name="compileTimeout"/> for compiling its output. A run over either is cancelled and left behind, as a
    /// hang (the generator's) or a slow compile (the output's size); an exception of the runner's own is a runner error.
    /// None stops the run of the other documents. Both budgets stretch with the machine's load (<see cref="WaitScaled"/>).
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="timeout">How long the generator may take.</param>
    /// <param name="keepCompilation">Keep the output compilation on the result.</param>
    /// <param name="generator">The generator; <see cref="Generators.OpenApiGenerator"/> unless a test checks the runner itself.</param>
    /// <param name="compileTimeout">How long compiling the output may take; <see cref="DefaultCompileTimeout"/> when null.</param>
    /// <param name="emit">The families emitted; <see cref="DocumentRunner.Emit"/> when null.</param>
    /// <param name="loadFactor">How the budgets stretch with load; <see cref="LoadFactor"/> when null (a test of the budgets fixes it).</param>
    /// <param name="models">The <c>OpenApiModels</c> value; <see cref="DocumentRunner.Models"/> when null, the generator's default when empty.</param>
    public static DocumentResult RunOne(CorpusDocument document, TimeSpan timeout, bool keepCompilation = false, Microsoft.CodeAnalysis.IIncrementalGenerator? generator = null, TimeSpan? compileTimeout = null, string? emit = null, Func<(double Factor, double Load)>? loadFactor = null, string? models = null)
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new RunProgress();
        var task = Task.Factory.StartNew(
            () => DocumentRunner.Run(document, keepCompilation, cancellation.Token, generator, progress, emit ?? DocumentRunner.Emit, models ?? DocumentRunner.Models),
            cancellation.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            // The first budget ends when the generator is done (or the whole run, if it ends first, e.g. on a runner error).
            if (!WaitScaled(budget => Task.WaitAny([progress.Generated, task], budget) >= 0, timeout, out var generatorNote, loadFactor))
            {
                cancellation.Cancel();
                return new DocumentResult
                {
                    Name = document.Name,
                    Outcome = Outcome.Hang,
                    DocumentedOperations = DocumentFacts.CountOperations(document.Text, document.Path, document.Fragments),
                    GeneratorTime = timeout,
                    Failure = $"the generator did not finish within {timeout.TotalSeconds:0.#} s{generatorNote}",
                };
            }

            var compileBudget = compileTimeout ?? DefaultCompileTimeout;
            if (WaitScaled(task.Wait, compileBudget, out var compileNote, loadFactor))
            {
                // A compile that ended past its (load-stretched) budget is slow too, though this thread, scheduled late on a
                // busy machine, saw it end: the compile's own clock decides, not the waiting thread's.
                var finished = task.Result;
                var stretched = compileBudget * Math.Max(1, (loadFactor ?? LoadFactor)().Factor);
                if (finished.Outcome != Outcome.Ok || finished.CompileTime <= stretched)
                {
                    return finished;
                }
            }
            else
            {
                cancellation.Cancel();
            }

            return new DocumentResult
            {
                Name = document.Name,
                Outcome = Outcome.SlowCompile,
                DocumentedOperations = DocumentFacts.CountOperations(document.Text, document.Path, document.Fragments),
                Files = progress.Files,
                Lines = progress.Lines,
                GeneratorTime = progress.GeneratorTime,
                CompileTime = compileBudget,
                Failure = string.Create(CultureInfo.InvariantCulture, $"compiling the generated code ({progress.Lines} lines in {progress.Files} files) did not finish within {compileBudget.TotalSeconds:0.###} s{compileNote}; the generator took {progress.GeneratorTime.TotalMilliseconds:0} ms"),
            };
        }
        catch (AggregateException exception)
        {
            // The driver catches the generator's exceptions (CS8785), so what escapes is the runner's own failure.
            var inner = exception.InnerExceptions.Count == 1 ? exception.InnerException! : exception;
            return new DocumentResult
            {
                Name = document.Name,
                Outcome = Outcome.RunnerError,
                Failure = "runner error (not the generator's): " + inner.GetType().Name + ": " + inner.Message,
            };
        }
    }

    /// <summary>
    /// Waits <paramref name="budget"/>; when that is not enough on a machine busier than its cores (Linux load average
    /// per core above 1, at most 8), waits that much longer in proportion, so a budget measured on an idle machine does
    /// not call a loaded machine's slowness a hang. <paramref name="note"/> says how long and why, for the failure text.
    /// </summary>
    internal static bool WaitScaled(Func<TimeSpan, bool> wait, TimeSpan budget, out string note, Func<(double Factor, double Load)>? loadFactor = null)
    {
        note = string.Empty;
        if (wait(budget))
        {
            return true;
        }

        var (factor, load) = (loadFactor ?? LoadFactor)();
        if (factor <= 1)
        {
            return false;
        }

        var extra = budget * (factor - 1);
        note = string.Create(CultureInfo.InvariantCulture, $" (waited {(budget + extra).TotalSeconds:0.###} s in all: load average {load:0.##} on {Environment.ProcessorCount} cores)");
        return wait(extra);
    }

    /// <summary>The one-minute load average per core, at least 1 and at most 8; 1 where the system does not say (not Linux).</summary>
    internal static (double Factor, double Load) LoadFactor()
    {
        try
        {
            var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
            return (Math.Clamp(load / Environment.ProcessorCount, 1, 8), load);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return (1, 0);
        }
    }

    /// <summary>A namespace for a document's generated code, from its relative path: <c>Corpus.OagPetstore</c>.</summary>
    public static string NamespaceFor(string name)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in Path.ChangeExtension(name, null))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, 'D');
        }

        return "Corpus." + builder;
    }
}
