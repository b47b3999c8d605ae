using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// <c>prism proxy &lt;document&gt; &lt;upstream&gt; --errors</c> (Stoplight Prism, pinned in <c>tests/tools/package.json</c>) on
/// 127.0.0.1: validates every request and response against the document, independently of the generator.
/// </summary>
internal sealed class PrismProxy : IAsyncDisposable
{
    /// <summary>Where <c>npm ci</c> in <c>tests/tools</c> puts the executable, relative to the repository root.</summary>
    public const string RelativePath = "tests/tools/node_modules/.bin/prism";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private PrismProxy(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    /// <summary>Prism's address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Whether the Prism process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Why Prism stopped: see <see cref="ReasonOf"/>.</summary>
    public string Reason => ReasonOf(Output);

    /// <summary>
    /// Prism's <c>fatal</c> line; else, for a crash, the error line above its first stack frame and that frame (without
    /// the machine's folders); else the end of what it printed.
    /// </summary>
    public static string ReasonOf(string output)
    {
        var lines = output.Split('\n');
        if (lines.FirstOrDefault(line => line.Contains("fatal", StringComparison.Ordinal)) is { } fatal)
        {
            // From 'fatal' on: the clock time before it would make every run's report differ.
            return fatal[fatal.IndexOf("fatal", StringComparison.Ordinal)..].Trim();
        }

        var frame = Array.FindIndex(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        if (frame > 0)
        {
            var at = lines[frame].Trim();
            var modules = at.IndexOf("node_modules/", StringComparison.Ordinal);
            var start = at.LastIndexOf('(', modules < 0 ? 0 : modules);
            at = modules < 0 ? at : at[..(start + 1)] + at[modules..];
            return $"{lines[frame - 1].Trim()} {at}";
        }

        return (output.Length > 600 ? output[^600..] : output).Trim();
    }

    /// <summary>What Prism printed so far (bounded).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The Prism executable: <paramref name="explicitPath"/>, else <see cref="RelativePath"/> under the first folder at
    /// or above <paramref name="start"/> that has it; null when there is none.
    /// </summary>
    public static string? Locate(string? explicitPath, string start)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }

        for (var folder = Path.GetFullPath(start); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The message for a run that needs Prism and has none.</summary>
    public static string MissingMessage =>
        $"Prism is not installed: run 'npm ci --prefix tests/tools' from the repository root (it installs {RelativePath}), or pass --prism <path> / --no-prism.";

    /// <summary>Starts Prism in front of <paramref name="upstream"/> and waits until it says it listens.</summary>
    public static async Task<PrismProxy> StartAsync(string prism, string document, Uri upstream, TimeSpan timeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "proxy", document, upstream.ToString().TrimEnd('/'), "--errors", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--cors", "false" })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new PrismProxy(process, output, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prism exited with {process.ExitCode}: {proxy.Reason}");
            }

            // Ready when Prism says it listens: a connection alone could reach another process that took the same free
            // port first (a concurrent run's Prism, serving another document).
            if (proxy.Output.Contains("Prism is listening", StringComparison.Ordinal))
            {
                return proxy;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        await proxy.DisposeAsync().ConfigureAwait(false);
        throw new TimeoutException($"prism did not listen within {timeout.TotalSeconds:0} s: {Exchange.Shorten(proxy.Output)}");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
