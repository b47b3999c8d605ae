using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Infrastructure;

/// <summary>Calls a generated controller action over a <see cref="DefaultHttpContext"/> holding one request.</summary>
internal static class ControllerCall
{
    /// <summary>The answer's status and body text.</summary>
    /// <param name="controller">The generated controller, over the test's implementation of the contract.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="contentType">The request's Content-Type, if any.</param>
    /// <param name="body">The request body.</param>
    /// <param name="action">The action to call.</param>
    /// <param name="arrange">Sets route values, query, headers and cookies before the call.</param>
    public static async Task<(int Status, string Body)> InvokeAsync<TController>(
        TController controller, string method, string? contentType, byte[] body, Func<TController, Task> action, Action<HttpContext>? arrange = null)
        where TController : ControllerBase
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Request.Method = method;
        http.Request.ContentType = contentType;
        http.Request.Body = new MemoryStream(body);
        var response = new MemoryStream();
        http.Response.Body = response;
        arrange?.Invoke(http);
        controller.ControllerContext = new ControllerContext { HttpContext = http };

        await action(controller);

        return (http.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }
}
