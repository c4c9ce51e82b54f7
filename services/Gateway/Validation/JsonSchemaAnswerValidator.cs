using System.Text.Json;
using Json.Schema;

namespace HybridLlm.Gateway.Validation;

/// <summary>Checks an answer against the JSON schema the caller asked for (JsonSchema.Net, draft 2020-12 by default).</summary>
public sealed class JsonSchemaAnswerValidator
{
    /// <returns>Null when the answer satisfies the schema, else a short reason (never the answer text).</returns>
    public string? Validate(string schemaText, string answer)
    {
        JsonSchema schema;
        try
        {
            // A private registry per build: callers' schemas may reuse $id values without colliding.
            schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception ex) when (ex is JsonException or JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            return "the schema itself could not be compiled";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripCodeFence(answer));
        }
        catch (JsonException)
        {
            return "answer is not JSON";
        }

        using (document)
        {
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid)
            {
                return null;
            }

            var first = result.Details?.FirstOrDefault(d => d.Errors is { Count: > 0 });
            return first?.Errors is { Count: > 0 } errors
                ? $"answer violates the schema at '{first.InstanceLocation}': {errors.First().Key}"
                : "answer violates the schema";
        }
    }

    /// <summary>Models often wrap JSON in a Markdown fence; the content inside is what counts.</summary>
    private static string StripCodeFence(string answer)
    {
        var text = answer.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstNewline = text.IndexOf('\n', StringComparison.Ordinal);
        var closing = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstNewline > 0 && closing > firstNewline ? text[(firstNewline + 1)..closing] : text;
    }
}
