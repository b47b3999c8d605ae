using System.Threading.Tasks;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// Runs for every request of the generated controllers after the body is read and found to be well-formed JSON
/// and before it is checked against the schema (for operations without a body: before parameters are read).
/// Throw <see cref="ApiException"/> to answer with an error, e.g. an authorization decision on route values.
/// </summary>
public interface IApiRequestInterceptor
{
    /// <summary>Inspects the request.</summary>
    /// <param name="context">The operation and its HTTP context.</param>
    /// <returns>A task that completes when the request may go on.</returns>
    ValueTask OnRequestAsync(ApiRequestContext context);
}
