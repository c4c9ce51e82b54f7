using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Tests;

public sealed class TaskCueDetectorTests
{
    private static readonly TaskCueDetector Detector = new();

    [Theory]
    [InlineData("Summarize this article for me: the council met on Tuesday.", TaskKind.Summarisation)]
    [InlineData("Please summarise the meeting notes below.", TaskKind.Summarisation)]
    [InlineData("tl;dr of the following thread please", TaskKind.Summarisation)]
    [InlineData("Classify this email as spam or not spam.", TaskKind.Classification)]
    [InlineData("What is the sentiment of this review: 'loved it'", TaskKind.Classification)]
    [InlineData("Categorize these tickets by team.", TaskKind.Classification)]
    [InlineData("Extract the invoice number and total.", TaskKind.Extraction)]
    [InlineData("List all the dates mentioned in this letter.", TaskKind.Extraction)]
    [InlineData("Pull out every company name.", TaskKind.Extraction)]
    [InlineData("Rewrite this paragraph to sound friendlier.", TaskKind.Rewrite)]
    [InlineData("Translate 'good morning' into French.", TaskKind.Rewrite)]
    [InlineData("Paraphrase the following sentence.", TaskKind.Rewrite)]
    [InlineData("Brainstorm names for a coffee shop.", TaskKind.Brainstorming)]
    [InlineData("Give me ideas for a team offsite.", TaskKind.Brainstorming)]
    [InlineData("Write a short story about a lighthouse keeper.", TaskKind.CreativeWriting)]
    [InlineData("Compose a poem about autumn rain.", TaskKind.CreativeWriting)]
    [InlineData("Write a Python function that reverses a linked list.", TaskKind.Code)]
    [InlineData("Why does this fail?\n```\nint x = null;\n```", TaskKind.Code)]
    [InlineData("How do I read a file in C#", TaskKind.Code)]
    [InlineData("Solve 3x + 2 = 11.", TaskKind.Math)]
    [InlineData("What is 17 * 23?", TaskKind.Math)]
    [InlineData("Calculate the compound interest on 1000 at 5% for 3 years.", TaskKind.Math)]
    [InlineData("Think step by step: which train arrives first?", TaskKind.MultiStepReasoning)]
    [InlineData("Prove that there are infinitely many primes.", TaskKind.MultiStepReasoning)]
    [InlineData("Plan a three-day trip to Rome with a budget.", TaskKind.MultiStepReasoning)]
    [InlineData("First check the logs, then tell me which service failed.", TaskKind.MultiStepReasoning)]
    [InlineData("What is the capital of Australia?", TaskKind.OpenQa)]
    [InlineData("Who wrote Middlemarch", TaskKind.OpenQa)]
    [InlineData("Based on the passage below, when did the war end? The war ended in 1648.", TaskKind.ClosedQa)]
    [InlineData("Hi! Nice to meet you.", TaskKind.Chat)]
    [InlineData("Thanks, that helped a lot.", TaskKind.Chat)]
    public void Detect_PromptWithCue_ReturnsTheCuedTask(string prompt, TaskKind expected) =>
        Assert.Equal(expected, Detector.Detect(prompt).Kind);

    [Fact]
    public void Detect_LatestUserMessage_DecidesOverEarlierOnes()
    {
        ClassifierMessage[] messages =
        [
            new("user", "Write a poem about the sea."),
            new("assistant", "The sea is wide..."),
            new("user", "Now summarize it in one line."),
        ];

        Assert.Equal(TaskKind.Summarisation, Detector.Detect(messages).Kind);
    }

    [Fact]
    public void Detect_UserMessageWithoutCue_FallsBackToTheSystemPrompt()
    {
        ClassifierMessage[] messages =
        [
            new("system", "You extract the sender and date from every email the user pastes."),
            new("user", "Hello Bob, lunch on Friday works for me. Cheers, Ann"),
        ];

        var detection = Detector.Detect(messages);

        Assert.Equal(TaskKind.Extraction, detection.Kind);
        Assert.StartsWith("system:", detection.Cue, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_EmptyConversation_IsChat() => Assert.Equal(TaskKind.Chat, Detector.Detect([]).Kind);

    [Fact]
    public void Detect_Cue_IsAFixedLabelNotPromptText()
    {
        var detection = Detector.Detect("Summarize: alice@example.com wrote to me");

        Assert.Equal("summarize", detection.Cue);
    }
}
