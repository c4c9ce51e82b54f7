using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridLlm.LocalInference.Tests;

public sealed class LlamaChatTemplateTests
{
    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "Be brief."),
        new(ChatRole.User, "Hi"),
    ];

    [Fact]
    public void Format_ChatMlTemplate_WrapsTurnsAndOpensTheAssistantTurn()
    {
        const string chatMl =
            "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}";
        var template = LlamaChatTemplate.FromTemplate(chatMl, NullLogger.Instance);

        var prompt = template.Format(Conversation);

        Assert.True(template.UsesModelTemplate);
        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", prompt);
    }

    [Fact]
    public void Format_TemplateLlamaCppDoesNotKnow_FallsBackToPlainTranscript()
    {
        var template = LlamaChatTemplate.FromTemplate("{{ something entirely custom }}", NullLogger.Instance);

        var prompt = template.Format(Conversation);

        Assert.False(template.UsesModelTemplate);
        Assert.Equal("System: Be brief.\nUser: Hi\nAssistant:", prompt);
    }
}
