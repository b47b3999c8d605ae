using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// Writes an error answer in the shape the operation declares for its status (a declared error body, or
/// <c>application/problem+json</c>); returns null when the operation declares no such shape, and the document's fault
/// table writes the answer instead. Generated per operation; see <see cref="ApiServerRuntime.WriteFailureAsync(HttpContext, System.Exception, ApiFaultTable, ApiErrorWriter)"/>.
/// </summary>
/// <param name="http">The request.</param>
/// <param name="error">The error to answer with.</param>
/// <returns>The task writing the answer, or null.</returns>
public delegate Task? ApiErrorWriter(HttpContext http, ApiException error);
