using Microsoft.AspNetCore.Http;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>What an <see cref="IApiRequestInterceptor"/> sees.</summary>
/// <param name="OperationId">The document's operationId.</param>
/// <param name="HttpContext">The request.</param>
public sealed record ApiRequestContext(string OperationId, HttpContext HttpContext);
