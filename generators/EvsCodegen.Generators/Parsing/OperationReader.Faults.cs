using System.Globalization;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>The <c>x-fault</c> table: fault names and codes by status, from every operation of the document.</summary>
internal sealed partial class OperationReader
{
    /// <summary>The <c>x-fault</c>s of an operation that is left out, whose responses are not read otherwise.</summary>
    private void ReadFaults(YMapping operation)
    {
        foreach (var entry in operation.GetMapping("responses")?.Entries ?? [])
        {
            if (int.TryParse(entry.Key.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && _context.Deref(entry.Value) is { } response)
            {
                ReadFault(response, code);
            }
        }
    }

    private void ReadFault(YMapping response, int statusCode)
    {
        if (response.Get("x-fault") is not { } node)
        {
            return;
        }

        if (node is not YMapping fault || fault.GetString("name") is not { Length: > 0 } name || fault.GetString("code") is not { Length: > 0 } code || statusCode is < 400 or > 599)
        {
            _context.Report(D.InvalidExtension, node, "x-fault", "it must be a mapping with non-empty 'name' and 'code' on a 4xx or 5xx response");
            return;
        }

        var model = new FaultModel(statusCode, name, code);
        if (_faults.TryGetValue(statusCode, out var existing) && existing != model)
        {
            _context.Report(D.InvalidExtension, node, "x-fault", $"status {statusCode} already has the fault '{existing.Name}' ({existing.Code})");
            return;
        }

        _faults[statusCode] = model;
    }
}
