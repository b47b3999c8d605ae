using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// <c>prism proxy openapi/evs-snapshots.yaml &lt;server&gt; --errors</c> on 127.0.0.1: Stoplight Prism (pinned in
/// <c>tests/tools/package.json</c>, installed by <c>npm ci --prefix tests/tools</c>) validates every request and answer
/// against the document, independently of our generator. The corpus runner has its own launcher
/// (<c>tests/EvsCodegen.Corpus/RoundTrip/PrismProxy.cs</c>); this one is the few lines this suite needs.
/// </summary>
internal sealed class PrismProxy : IAsyncDisposable
{
    private const string RelativePath = "tests/tools/node_modules/.bin/prism";

    /// <summary>What Prism prints once it listens ("Prism is listening on http://127.0.0.1:PORT").</summary>
    private const string ListeningMarker = "Prism is listening";

    private readonly Process _process;

    private readonly StringBuilder _output = new();

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Prism's address.</summary>
    public Uri Address { get; }

    /// <summary>What Prism printed.</summary>
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

    /// <summary>Starts Prism in front of <paramref name="upstream"/>; a missing Prism fails with the install command.</summary>
    public static async Task<PrismProxy> StartAsync(string document, Uri upstream)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(document))!;
        var prism = Path.Combine(root, RelativePath);
        Assert.True(File.Exists(prism), $"Prism is not installed: run 'npm ci --prefix tests/tools' from the repository root (it installs {RelativePath}).");

        // Ready means Prism itself says it listens on the port: a TCP connection alone could reach another process that
        // took the same free port first (another Prism of a concurrent run), whose document is not this one. A port taken
        // between choosing and binding makes Prism exit with EADDRINUSE: then another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var start = new ProcessStartInfo(prism) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "proxy", document, upstream.ToString().TrimEnd('/'), "--errors", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--cors", "false" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = new Process { StartInfo = start };
            var proxy = new PrismProxy(process, new Uri($"http://127.0.0.1:{port}/"));
            process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
            process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            var retry = false;
            while (DateTime.UtcNow < deadline)
            {
                if (proxy.Output.Contains(ListeningMarker, StringComparison.Ordinal))
                {
                    return proxy;
                }

                if (process.HasExited)
                {
                    process.WaitForExit();
                    if (attempt < 3 && proxy.Output.Contains("EADDRINUSE", StringComparison.Ordinal))
                    {
                        retry = true;
                        break;
                    }

                    Assert.Fail($"prism exited with {process.ExitCode}: {proxy.Output}");
                }

                await Task.Delay(100);
            }

            await proxy.DisposeAsync();
            if (!retry)
            {
                Assert.Fail($"prism did not listen within 60 s: {proxy.Output}");
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 100_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
