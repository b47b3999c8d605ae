namespace EvsCodegen.Runtime;

/// <summary>An OpenAPI serialization style of a parameter or of a form field (<c>style</c>, RFC 6570-based).</summary>
public enum ApiParameterStyle
{
    /// <summary><c>form</c>: <c>color=blue,black</c>, or repeated keys when exploded (query, cookie, form fields).</summary>
    Form,

    /// <summary><c>simple</c>: <c>blue,black</c> (path, header).</summary>
    Simple,

    /// <summary><c>label</c>: <c>.blue.black</c> (path).</summary>
    Label,

    /// <summary><c>matrix</c>: <c>;color=blue,black</c> (path).</summary>
    Matrix,

    /// <summary><c>spaceDelimited</c>: <c>color=blue%20black</c> (query arrays and objects).</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c>: <c>color=blue|black</c> (query arrays and objects).</summary>
    PipeDelimited,

    /// <summary><c>deepObject</c>: <c>color[R]=100&amp;color[G]=200</c>, nested as <c>a[b][c]</c> and <c>a[0]</c>.</summary>
    DeepObject,
}
