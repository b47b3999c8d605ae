using System;
using System.Collections.Generic;
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

    /// <summary>The default time one document may take before it counts as a hang.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

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
    public static IReadOnlyList<DocumentResult> Run(IReadOnlyList<CorpusDocument> documents, TimeSpan timeout, int parallelism, Action<DocumentResult>? progress = null)
    {
        var results = new DocumentResult[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            results[i] = RunOne(documents[i], timeout);
            progress?.Invoke(results[i]);
        });
        return results;
    }

    /// <summary>
    /// Runs one document on a thread of its own. When it outlives <paramref name="timeout"/> it is cancelled and
    /// left behind as a hang; an exception of the runner's own is a runner error. Neither stops the run of the other documents.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <param name="keepCompilation">Keep the output compilation on the result.</param>
    /// <param name="generator">The generator; <see cref="Generators.OpenApiGenerator"/> unless a test checks the runner itself.</param>
    public static DocumentResult RunOne(CorpusDocument document, TimeSpan timeout, bool keepCompilation = false, Microsoft.CodeAnalysis.IIncrementalGenerator? generator = null)
    {
        using var cancellation = new CancellationTokenSource();
        var task = Task.Factory.StartNew(
            () => DocumentRunner.Run(document, keepCompilation, cancellation.Token, generator),
            cancellation.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            if (task.Wait(timeout))
            {
                return task.Result;
            }

            cancellation.Cancel();
            return new DocumentResult
            {
                Name = document.Name,
                Outcome = Outcome.Hang,
                DocumentedOperations = DocumentFacts.CountOperations(document.Text, document.Path, document.Fragments),
                GeneratorTime = timeout,
                Failure = $"did not finish within {timeout.TotalSeconds:0} s",
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
