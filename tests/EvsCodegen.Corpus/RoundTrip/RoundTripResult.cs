using System.Collections.Generic;
using System.Linq;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>What kind of failure a finding is.</summary>
internal enum FindingKind
{
    /// <summary>The implementation received something else than the client sent, or the client decoded something else than the implementation returned.</summary>
    Mismatch,

    /// <summary>An invalid request got a 2xx/3xx answer or reached the implementation.</summary>
    AcceptedInvalid,

    /// <summary>The server answered 5xx.</summary>
    ServerError,

    /// <summary>Prism reported a request or response violation.</summary>
    PrismViolation,

    /// <summary>The runner could not drive the operation (or any of the document).</summary>
    NotDriven,
}

/// <summary>One failure: a stable key (document, operation, kind, check) and the details of this run.</summary>
/// <param name="Document">The document's name.</param>
/// <param name="Operation">The operation id, or <c>*</c> for the whole document.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Check">Which check failed, without run-dependent values: <c>minimal: argument limit</c>.</param>
/// <param name="Detail">What differed.</param>
internal sealed record Finding(string Document, string Operation, FindingKind Kind, string Check, string Detail)
{
    /// <summary>The key the expected-failures file lists: <c>document | operation | kind | check</c>.</summary>
    public string Key => $"{Document} | {Operation} | {Kind} | {Check}";

    /// <inheritdoc/>
    public override string ToString() => $"{Key}: {Detail}";
}

/// <summary>The round trip of one document.</summary>
internal sealed class RoundTripResult(string name)
{
    /// <summary>The document's name.</summary>
    public string Name { get; } = name;

    /// <summary>Operations in the generated contracts.</summary>
    public int Operations { get; set; }

    /// <summary>Operations the runner drove.</summary>
    public int Driven { get; set; }

    /// <summary>Calls whose request and answer were compared (every variant and every declared error answer).</summary>
    public int RoundTrips { get; set; }

    /// <summary>
    /// Calls of operations that declare no success answer, sent to the server directly rather than through Prism (the
    /// document gives Prism nothing to check the answer against); included in <see cref="RoundTrips"/>.
    /// </summary>
    public int SuccessDirect { get; set; }

    /// <summary>Operations driven again straight against the server after Prism crashed on their traffic.</summary>
    public List<string> WithoutPrism { get; } = [];

    /// <summary>Invalid requests answered 4xx without reaching the implementation.</summary>
    public int RejectedInvalid { get; set; }

    /// <summary>Whether the traffic went through Prism.</summary>
    public bool ThroughPrism { get; set; }

    /// <summary>Whether Prism was given the document without its literal data (see <see cref="PrismDocument"/>).</summary>
    public bool PrismDocumentStripped { get; set; }

    /// <summary>Every failure.</summary>
    public List<Finding> Findings { get; } = [];

    /// <summary>Findings of one kind.</summary>
    public int Count(FindingKind kind) => Findings.Count(f => f.Kind == kind);
}
