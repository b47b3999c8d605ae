using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class OperationReader
{
    /// <summary>
    /// The declared headers of a response. <c>Content-Type</c> is left out (OpenAPI: it is ignored there, the content
    /// says it); a schema that is not a scalar or enum is read as text, with EVS2020.
    /// </summary>
    private EquatableArray<HeaderModel> ReadHeaders(YMapping response, string operationId, string methodName)
    {
        var headers = new List<HeaderModel>();
        foreach (var entry in response.GetMapping("headers")?.Entries ?? [])
        {
            var name = entry.Key.Value;
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase) || name.Length == 0 || headers.Any(h => h.WireName.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (_context.Deref(entry.Value) is not { } header)
            {
                continue;
            }

            var schema = header.Get("schema");
            var type = schema is null ? new TypeRefModel(TypeRefKind.String) : _schemas.Convert(schema, methodName + Identifiers.ToPascalCase(name, "Header") + "Header", 0);
            if (type.Kind == TypeRefKind.Any || _schemas.IsValueUnion(type))
            {
                type = new TypeRefModel(TypeRefKind.String);
            }

            if (type.Kind is TypeRefKind.Object or TypeRefKind.Map or TypeRefKind.Array or TypeRefKind.Bytes)
            {
                _context.Report(D.HeaderNotScalar, schema!, name, operationId, type.Kind switch
                {
                    TypeRefKind.Array => "an array",
                    TypeRefKind.Bytes => "binary",
                    _ => "an object",
                });
                type = new TypeRefModel(TypeRefKind.String);
            }

            headers.Add(new HeaderModel(name, type with { Nullable = false }, header.GetBool("required"), header.GetString("description")));
        }

        return headers.ToEquatableArray();
    }

    /// <summary>Whether a response's JSON schema is the document's error envelope (<c>x-error-envelope</c>).</summary>
    private bool IsEnvelope(YNode? schema) => _context.Deref(schema)?.Get("x-error-envelope") is not null;

    /// <summary>
    /// The whole-response surface of an operation whose success answers say more than its body: headers, or several
    /// success statuses. Other operations get none, so a large document pays for it only where it says something.
    /// </summary>
    private ResultModel? BuildResult(string methodName, ResponseModel? success, List<ResponseModel> responses, NameScope methodNames)
    {
        // A default standing for the success answer (no 2xx declared) is the one case, answered like a 2XX range.
        var cases = responses.Where(r => r.IsSuccess || r == success).OrderBy(r => r.StatusCode == 0 ? 299 : r.StatusCode).ToList();
        // A stream of items is one method's answer, read as it arrives: there is no whole response to hold.
        if (success is null || success.Encoding.IsItemStream() || (cases.Count < 2 && !cases.Any(c => c.Headers.Count > 0)))
        {
            return null;
        }

        // The body method's answer comes first, so the default whole-response method answers it.
        cases.Remove(success);
        cases.Insert(0, success);
        var typeName = _typeNames.Claim(methodName + ReservedNames.ResultSuffix);
        var members = new NameScope([.. ReservedNames.ResultMembers, typeName]);
        var bodies = cases.Where(c => c.Type is not null).Select(c => c.Type! with { ItemConstraints = null }).Distinct().Count();
        var shared = bodies == 1 ? members.Claim(ReservedNames.ResultBody) : null;
        var caseModels = new List<(ResponseModel Response, string? Body)>();
        foreach (var response in cases)
        {
            caseModels.Add((response, response.Type is null ? null : shared ?? members.Claim(ReservedNames.ResultBody + response.Status.ToUpperInvariant())));
        }

        var parameters = new NameScope("body", "statusCode");
        var headers = new List<ResultHeaderModel>();
        foreach (var header in cases.SelectMany(c => c.Headers))
        {
            if (!headers.Any(h => h.WireName.Equals(header.WireName, StringComparison.OrdinalIgnoreCase)))
            {
                var property = members.Claim(Identifiers.ToPascalCase(header.WireName, "Header"));
                headers.Add(new ResultHeaderModel(header.WireName, property, parameters.Claim(Identifiers.ToCamelCase(header.WireName, "header")), header.Type, header.Description));
            }
        }

        var result = caseModels.Select(c => new ResultCaseModel(c.Response, members.Claim(FactoryName(c.Response)), c.Body)).ToEquatableArray();
        return new ResultModel(typeName, methodNames.Claim(methodName + ReservedNames.WithResponseSuffix), headers.ToEquatableArray(), result);
    }

    /// <summary>The factory of a status: its reason phrase in PascalCase (<c>Created</c>), else <c>Status</c> and the code.</summary>
    private static string FactoryName(ResponseModel response) => response.StatusCode switch
    {
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        207 => "MultiStatus",
        208 => "AlreadyReported",
        226 => "IMUsed",
        _ when response.Status == "default" => "StatusDefault",
        _ => "Status" + response.Status.ToUpperInvariant(),
    };
}
