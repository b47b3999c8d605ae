using System.Text;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary>Requests built on <see cref="DefaultHttpContext"/>, with the response body captured.</summary>
internal static class TestHttp
{
    public static DefaultHttpContext Request(string? contentType = null, byte[]? body = null, long? contentLength = null, IServiceProvider? services = null)
    {
        var http = new DefaultHttpContext { RequestServices = services ?? new ServiceCollection().BuildServiceProvider() };
        http.Request.ContentType = contentType;
        if (body is not null)
        {
            http.Request.Body = new MemoryStream(body);
            http.Request.ContentLength = contentLength ?? body.Length;
        }

        http.Response.Body = new MemoryStream();
        return http;
    }

    public static DefaultHttpContext Request(string contentType, string body) => Request(contentType, Encoding.UTF8.GetBytes(body));

    public static string ResponseText(HttpContext http) => Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());

    /// <summary>A form field table as the generated controller declares one.</summary>
    public static Func<string, ApiFormField?> Fields(params (string Name, ApiFormValueKind Kind, bool Repeated)[] fields) =>
        name => fields.Where(f => f.Name == name).Select(f => (ApiFormField?)new ApiFormField(f.Kind, f.Repeated)).FirstOrDefault();
}

/// <summary>A response that has already sent its head, and a connection that records being aborted.</summary>
internal sealed class StartedResponse : HttpResponseFeature, IHttpRequestLifetimeFeature
{
    public override bool HasStarted => true;

    public bool Aborted { get; private set; }

    public CancellationToken RequestAborted { get; set; }

    public void Abort() => Aborted = true;

    public static StartedResponse On(HttpContext http)
    {
        var feature = new StartedResponse { Body = http.Response.Body, StatusCode = 200 };
        http.Features.Set<IHttpResponseFeature>(feature);
        http.Features.Set<IHttpRequestLifetimeFeature>(feature);
        return feature;
    }
}

/// <summary>Keeps what is logged.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public List<(string Category, LogLevel Level, Exception? Exception, string Message)> Entries { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Add((category, logLevel, exception, formatter(state, exception)));
    }
}
