using System.Text.Json;

namespace HybridLlm.Cli.Classify;

/// <summary>
/// Reads one input line, <c>{"id": "...", "prompt": "..."}</c>. The id may be a string or a number (kept as
/// written). Problems are described without quoting the line: prompts may hold personal data.
/// </summary>
internal static class InputLineParser
{
    public static bool TryParse(string line, out string id, out string prompt, out string problem)
    {
        id = prompt = problem = "";
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}";
                return false;
            }

            if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problem = "\"id\" must be a string or a number";
                return false;
            }

            if (!root.TryGetProperty("prompt", out var promptElement) || promptElement.ValueKind != JsonValueKind.String)
            {
                problem = "\"prompt\" must be a string";
                return false;
            }

            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText();
            prompt = promptElement.GetString()!;
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON (byte {ex.BytePositionInLine ?? 0})";
            return false;
        }
    }
}
