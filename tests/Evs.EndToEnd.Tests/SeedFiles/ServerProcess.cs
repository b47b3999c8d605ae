using System.Diagnostics;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// The real emulator executable (<c>dotnet Evs.Server.dll</c>, copied beside the tests by the project reference, or a
/// published one such as the Native AOT executable), run as users run it, always on 127.0.0.1 with a free port and always with a time limit.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(string? executable, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(executable ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (executable is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Evs.Server.dll"));
        }

        foreach (var arg in args.Concat(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"]))
        {
            start.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(_stderr, e.Data);
    }

    public string StandardOutput { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_stderr) { return _stderr.ToString(); } } }

    public static ServerProcess Start(params string[] args) => StartExecutable(null, args);

    /// <summary>Starts <paramref name="executable"/> (a published emulator, e.g. the Native AOT one), or the built one when null.</summary>
    public static ServerProcess StartExecutable(string? executable, params string[] args)
    {
        var server = new ServerProcess(executable, args);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for the process to end by itself; a host still running after <paramref name="timeout"/> fails the test.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the host was still running after {timeout.TotalSeconds} s; stdout: {StandardOutput}");
        }

        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>The address from Kestrel's "Now listening on" line; the process ending first fails the test.</summary>
    public async Task<Uri> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited).WaitAsync(timeout);
        Assert.True(first == _listening.Task, $"the host exited with {(_process.HasExited ? _process.ExitCode : -1)}: {StandardError}");
        return await _listening.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(StringBuilder into, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            into.AppendLine(line);
        }

        const string Marker = "Now listening on: ";
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + Marker.Length)..].Trim() + "/"));
        }
    }
}
