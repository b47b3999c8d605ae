using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>The client options: one group of properties per security scheme, and the choice of credentials per call.</summary>
internal static partial class ClientEmitter
{
    private const string QueryList = "global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>";

    public static string EmitOptions(ApiContextModel context)
    {
        var w = SourceWriter.ForFile(context);
        w.Line("/// <summary>Settings every client call uses: the document's credentials, supplied once instead of per call.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class {ReservedNames.ClientOptions}");
        foreach (var scheme in context.Schemes.Where(s => s.ClientCanSend))
        {
            EmitSchemeProperties(w, scheme);
        }

        EmitApply(w, context);
        w.Close();
        return w.ToString();
    }

    /// <summary>Whether a call under <paramref name="security"/> may put an API key in the query, so the query list must exist.</summary>
    internal static bool SecurityUsesQuery(ApiContextModel context, int security) =>
        security >= 0 && context.SecuritySets[security].Alternatives.Any(a => a.Schemes.Any(u => Scheme(context, u)?.In == "query"));

    /// <summary>Whether a call under <paramref name="security"/> can carry credentials at all (some alternative names schemes the client sends).</summary>
    internal static bool SecuritySendsCredentials(ApiContextModel context, int security) =>
        security >= 0 && context.SecuritySets[security].Alternatives.Any(a => Sendable(context, a));

    private static SecuritySchemeModel? Scheme(ApiContextModel context, SecurityUseModel use) =>
        context.Schemes.FirstOrDefault(s => s.SchemeName == use.SchemeName);

    private static bool Sendable(ApiContextModel context, SecurityAlternativeModel alternative) =>
        alternative.Schemes.Count > 0 && alternative.Schemes.All(u => Scheme(context, u) is { ClientCanSend: true });

    private static void EmitSchemeProperties(SourceWriter w, SecuritySchemeModel scheme)
    {
        var name = Text.Inline(scheme.SchemeName);
        switch (scheme.Kind)
        {
            case SecuritySchemeKind.ApiKey:
                w.Line(Text.Summary(scheme.Description, $"The API key sent as the {scheme.In} <c>{Text.Inline(scheme.ParameterName!)}</c>."));
                w.Line($"/// <remarks>Security scheme <c>{name}</c>: sent as the {scheme.In} <c>{Text.Inline(scheme.ParameterName!)}</c> on the calls that it secures, when set.</remarks>");
                w.Line($"public string? {scheme.Property} {{ get; set; }}");
                w.Line();
                break;
            case SecuritySchemeKind.HttpBearer:
                w.Line(Text.Summary(scheme.Description, $"The bearer token of security scheme <c>{name}</c>."));
                w.Line($"/// <remarks>Sent as <c>Authorization: Bearer</c> on the calls that <c>{name}</c> secures; <see cref=\"{scheme.Provider}\"/> wins when set.</remarks>");
                w.Line($"public string? {scheme.Property} {{ get; set; }}");
                w.Line();
                EmitProviderProperty(w, scheme);
                break;
            case SecuritySchemeKind.HttpBasic:
                w.Line(Text.Summary(scheme.Description, $"The user name of security scheme <c>{name}</c> (HTTP Basic)."));
                w.Line($"/// <remarks>With <see cref=\"{scheme.Secret}\"/>, sent as <c>Authorization: Basic</c> (UTF-8) on the calls that <c>{name}</c> secures, when set.</remarks>");
                w.Line($"public string? {scheme.Property} {{ get; set; }}");
                w.Line();
                w.Line($"/// <summary>The password of security scheme <c>{name}</c> (HTTP Basic).</summary>");
                w.Line($"public string? {scheme.Secret} {{ get; set; }}");
                w.Line();
                break;
            default:
                if (scheme.TokenUrl is not null)
                {
                    EmitClientCredentialsProperties(w, scheme);
                }

                EmitProviderProperty(w, scheme);
                break;
        }
    }

    private static void EmitClientCredentialsProperties(SourceWriter w, SecuritySchemeModel scheme)
    {
        var name = Text.Inline(scheme.SchemeName);
        w.Line(Text.Summary(scheme.Description, $"The OAuth2 client id of security scheme <c>{name}</c> (client credentials flow)."));
        w.Line($"/// <remarks>");
        w.Line($"/// With <see cref=\"{scheme.Secret}\"/>, the client fetches tokens from <see cref=\"{scheme.TokenUrlProperty}\"/> itself");
        w.Line($"/// (<see cref=\"{RuntimeNames.Security.ClientCredentials}\"/>: cached until shortly before they expire, replaced once when");
        w.Line("/// the server answers 401), unless a token provider is set. Read once, at the first call that needs a token.");
        w.Line("/// </remarks>");
        w.Line($"public string? {scheme.Property} {{ get; set; }}");
        w.Line();
        w.Line($"/// <summary>The OAuth2 client secret of security scheme <c>{name}</c>.</summary>");
        w.Line($"public string? {scheme.Secret} {{ get; set; }}");
        w.Line();
        var scopes = scheme.Scopes.Count == 0 ? "none (the server's default)" : string.Join(" ", scheme.Scopes.Select(s => $"<c>{Text.Inline(s)}</c>"));
        w.Line($"/// <summary>The scopes requested with the client credentials; null requests those the document's operations ask of <c>{name}</c>: {scopes}.</summary>");
        w.Line($"public global::System.Collections.Generic.IList<string>? {scheme.ScopesProperty} {{ get; set; }}");
        w.Line();
        w.Line($"/// <summary>The token endpoint; null uses the document's, <c>{Text.Inline(scheme.TokenUrl!)}</c> (a relative one is resolved against the client's <c>BaseAddress</c>).</summary>");
        w.Line($"public {CSharp.Uri}? {scheme.TokenUrlProperty} {{ get; set; }}");
        w.Line();
        w.Line($"private {RuntimeNames.Security.TokenProvider}? {CacheField(scheme)};");
        w.Line();
    }

    private static void EmitProviderProperty(SourceWriter w, SecuritySchemeModel scheme)
    {
        w.Line($"/// <summary>Supplies the access tokens of security scheme <c>{Text.Inline(scheme.SchemeName)}</c>, sent as <c>Authorization: Bearer</c>.</summary>");
        w.Line("/// <remarks>Wins over the other settings of the scheme. A token the server refuses with 401 is invalidated and the call is sent once more with a fresh one.</remarks>");
        w.Line($"public {RuntimeNames.Security.TokenProvider}? {scheme.Provider} {{ get; set; }}");
        w.Line();
    }

    private static string CacheField(SecuritySchemeModel scheme) => "_" + char.ToLowerInvariant(scheme.Provider![0]) + scheme.Provider.Substring(1);

    /// <summary>
    /// The credentials of one call: the first alternative of the call's security list whose schemes all have settings,
    /// applied to the request; an API key header the request already has, or an Authorization header, wins.
    /// </summary>
    private static void EmitApply(SourceWriter w, ApiContextModel context)
    {
        w.Line("/// <summary>");
        w.Line("/// Adds the credentials of the first alternative of security list <paramref name=\"security\"/> that these options");
        w.Line("/// can satisfy; none when no alternative can (the server then answers 401).");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"httpClient\">The HTTP client of the call (token requests go through it).</param>");
        w.Line("/// <param name=\"request\">The request.</param>");
        w.Line("/// <param name=\"query\">The query of the request; null when the call's security list has no query API key.</param>");
        w.Line("/// <param name=\"security\">The index of the call's security list in the document.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        w.Line("/// <returns>The bearer token sent from a token provider, which a 401 answer invalidates; null when none.</returns>");
        w.Open($"internal global::System.Threading.Tasks.ValueTask<{RuntimeNames.Security.Credential}?> {ReservedNames.ApplyCredentials}({CSharp.HttpClient} httpClient, global::System.Net.Http.HttpRequestMessage request, {QueryList}? query, int security, global::System.Threading.CancellationToken cancellationToken)");
        var cases = new List<(int Index, SecuritySetModel Set)>();
        for (var i = 0; i < context.SecuritySets.Count; i++)
        {
            if (SecuritySendsCredentials(context, i))
            {
                cases.Add((i, context.SecuritySets[i]));
            }
        }

        if (cases.Count > 0)
        {
            w.Open("switch (security)");
            foreach (var (index, set) in cases)
            {
                w.Open($"case {index.ToString(System.Globalization.CultureInfo.InvariantCulture)}:");
                var returned = false;
                foreach (var alternative in set.Alternatives)
                {
                    if (alternative.Schemes.Count == 0)
                    {
                        // An empty alternative: the call may go without credentials, and nothing after it is tried.
                        w.Line("return default;");
                        returned = true;
                        break;
                    }

                    if (Sendable(context, alternative))
                    {
                        EmitAlternative(w, context, alternative);
                    }
                }

                if (!returned)
                {
                    w.Line("break;");
                }

                w.Close();
            }

            w.Close();
            w.Line();
        }

        w.Line("return default;");
        w.Close();
    }

    private static void EmitAlternative(SourceWriter w, ApiContextModel context, SecurityAlternativeModel alternative)
    {
        var schemes = alternative.Schemes.Select(u => Scheme(context, u)!).Distinct().ToList();
        w.Open($"if ({string.Join(" && ", schemes.Select(s => schemes.Count > 1 && Configured(s).Contains("||") ? "(" + Configured(s) + ")" : Configured(s)))})");
        foreach (var scheme in schemes.Where(s => s.Kind is SecuritySchemeKind.ApiKey or SecuritySchemeKind.HttpBasic))
        {
            EmitPlainCredential(w, scheme);
        }

        // One Authorization header per request: the first token scheme of the alternative supplies it.
        if (schemes.FirstOrDefault(s => s.Kind is SecuritySchemeKind.HttpBearer or SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect) is { } token)
        {
            EmitToken(w, token);
        }
        else
        {
            w.Line("return default;");
        }

        w.Close();
    }

    private static string Configured(SecuritySchemeModel scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.ApiKey or SecuritySchemeKind.HttpBasic => $"{scheme.Property} is not null",
        SecuritySchemeKind.HttpBearer => $"{scheme.Provider} is not null || {scheme.Property} is not null",
        _ when scheme.TokenUrl is not null => $"{scheme.Provider} is not null || ({scheme.Property} is not null && {scheme.Secret} is not null)",
        _ => $"{scheme.Provider} is not null",
    };

    private static void EmitPlainCredential(SourceWriter w, SecuritySchemeModel scheme)
    {
        if (scheme.Kind == SecuritySchemeKind.HttpBasic)
        {
            w.Line($"{RuntimeNames.Security.Type}.{RuntimeNames.Security.AddBasic}(request, {scheme.Property}, {scheme.Secret});");
            return;
        }

        var name = Text.Literal(scheme.ParameterName!);
        switch (scheme.In)
        {
            case "header":
                w.Open($"if (!request.Headers.Contains({name}))");
                w.Line($"request.Headers.TryAddWithoutValidation({name}, {scheme.Property});");
                w.Close();
                w.Line();
                break;
            case "query":
                // A query parameter of the same name given by the caller wins: the key is never sent twice.
                w.Open($"if (query is not null && !query.Exists(static pair => pair.Key == {name}))");
                w.Line($"query.Add(new({name}, {scheme.Property}));");
                w.Close();
                w.Line();
                break;
            default:
                w.Line($"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddCookie}(request, {name}, {scheme.Property});");
                break;
        }
    }

    private static void EmitToken(SourceWriter w, SecuritySchemeModel scheme)
    {
        var add = $"{RuntimeNames.Security.Type}.{RuntimeNames.Security.AddTokenAsync}";
        if (scheme.Kind == SecuritySchemeKind.HttpBearer)
        {
            w.Open($"if ({scheme.Provider} is not null)");
            w.Line($"return {add}(httpClient, request, {scheme.Provider}, cancellationToken);");
            w.Close();
            w.Line();
            w.Line($"{RuntimeNames.Security.Type}.{RuntimeNames.Security.AddBearer}(request, {scheme.Property}!);");
            w.Line("return default;");
            return;
        }

        if (scheme.TokenUrl is null)
        {
            w.Line($"return {add}(httpClient, request, {scheme.Provider}, cancellationToken);");
            return;
        }

        // The default provider lives as long as these options, so its cached token serves every call made with them.
        var defaults = scheme.Scopes.Count == 0 ? "null" : "new string[] { " + string.Join(", ", scheme.Scopes.Select(Text.Literal)) + " }";
        var url = $"{RuntimeNames.Security.Type}.{RuntimeNames.Security.ResolveTokenUrl}(httpClient, {scheme.TokenUrlProperty} ?? new {CSharp.Uri}({Text.Literal(scheme.TokenUrl!)}, global::System.UriKind.RelativeOrAbsolute))";
        w.Line($"var provider = {scheme.Provider} ?? global::System.Threading.LazyInitializer.EnsureInitialized(ref {CacheField(scheme)}, () => new {RuntimeNames.Security.ClientCredentials}(");
        w.Line($"    {url},");
        w.Line($"    {scheme.Property}!, {scheme.Secret}!, {scheme.ScopesProperty} ?? {defaults}));");
        w.Line($"return {add}(httpClient, request, provider, cancellationToken);");
    }
}
