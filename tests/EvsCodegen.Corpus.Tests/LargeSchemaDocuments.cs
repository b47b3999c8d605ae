using System.Linq;
using System.Text;

namespace EvsCodegen.Corpus.Tests;

/// <summary>Documents with schemas past the generator's inline thresholds (issue 13.4), sized for the test suite.</summary>
internal static class LargeSchemaDocuments
{
    /// <summary>
    /// An operation taking and returning an object of <paramref name="size"/> properties (integers with a bound,
    /// strings with a length limit, an enum of <paramref name="size"/> values, booleans, one required) and an integer
    /// enum of as many values, with <c>additionalProperties: false</c>.
    /// </summary>
    public static string Wide(int size)
    {
        var text = new StringBuilder("""
            openapi: 3.0.3
            info: {title: wide, version: '1'}
            paths:
              /wide:
                put:
                  operationId: putWide
                  requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Wide'}}}}
                  responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Wide'}}}}}
            components:
              schemas:

            """);
        text.Append("    Many: {type: string, enum: [").Append(string.Join(", ", Enumerable.Range(0, size).Select(i => "value_" + i))).Append("]}\n");
        text.Append("    ManyNumbers: {type: integer, enum: [").Append(string.Join(", ", Enumerable.Range(0, size).Select(i => (i * 7).ToString(System.Globalization.CultureInfo.InvariantCulture)))).Append("]}\n");
        text.Append("    Wide:\n      type: object\n      additionalProperties: false\n      required: [p0]\n      properties:\n");
        for (var i = 0; i < size; i++)
        {
            text.Append("        p").Append(i).Append(": ").Append((i % 5) switch
            {
                0 => "{type: integer, minimum: 0}",
                1 => "{type: string, maxLength: 10, nullable: true}",
                2 => "{$ref: '#/components/schemas/Many'}",
                3 => "{$ref: '#/components/schemas/ManyNumbers'}",
                _ => "{type: array, items: {type: boolean}}",
            }).Append('\n');
        }

        return text.ToString();
    }
}
