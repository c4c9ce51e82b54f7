using System.Text;
using LLama;
using LLama.Exceptions;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Llama;

/// <summary>Turns chat messages into prompt text: the GGUF's own chat template, or a plain transcript.</summary>
internal sealed class LlamaChatTemplate
{
    // Not null when the GGUF carries a template that llama.cpp's built-in formatter recognises.
    private readonly string? _modelTemplate;

    private LlamaChatTemplate(string? modelTemplate) => _modelTemplate = modelTemplate;

    public bool UsesModelTemplate => _modelTemplate is not null;

    public static LlamaChatTemplate FromModel(LLamaWeights weights, ILogger logger) =>
        FromTemplate(weights.NativeHandle.GetTemplate(name: null, strict: false), logger);

    /// <summary>Uses <paramref name="template"/> (a GGUF <c>tokenizer.chat_template</c>) when llama.cpp can apply it.</summary>
    public static LlamaChatTemplate FromTemplate(string? template, ILogger logger)
    {
        if (template is null)
        {
            return new LlamaChatTemplate(null);
        }

        try
        {
            // llama.cpp only formats templates it recognises (it matches known Jinja shapes, it does not run
            // Jinja); find out now rather than on the first request.
            _ = Apply(template, [new ChatMessage(ChatRole.User, "hello")]);
            return new LlamaChatTemplate(template);
        }
        catch (Exception ex) when (ex is MissingTemplateException or TemplateNotFoundException)
        {
            logger.ChatTemplateUnsupported(ex);
            return new LlamaChatTemplate(null);
        }
    }

    public string Format(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return _modelTemplate is null ? FormatPlain(messages) : Apply(_modelTemplate, messages);
    }

    private static string Apply(string template, IEnumerable<ChatMessage> messages)
    {
        // LLamaTemplate is mutable and not thread-safe: one per prompt.
        var formatter = new LLamaTemplate(template) { AddAssistant = true };
        foreach (var message in messages)
        {
            formatter.Add(message.Role.Value, message.Text);
        }

        return LLamaTemplate.Encoding.GetString(formatter.Apply());
    }

    // Base models such as stories260K ship no chat template. llama.cpp's default (ChatML) would wrap turns in
    // special tokens such a vocabulary does not have, so the model would see them as junk text; a plain
    // "Role: text" transcript ending in "Assistant:" is something any text model can continue.
    private static string FormatPlain(IEnumerable<ChatMessage> messages)
    {
        var prompt = new StringBuilder();
        foreach (var message in messages)
        {
            prompt.Append(DisplayName(message.Role)).Append(": ").Append(message.Text).Append('\n');
        }

        return prompt.Append("Assistant:").ToString();
    }

    private static string DisplayName(ChatRole role)
    {
        var value = role.Value;
        return value.Length == 0 ? value : string.Concat(char.ToUpperInvariant(value[0]).ToString(), value.AsSpan(1));
    }
}
