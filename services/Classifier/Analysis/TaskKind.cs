namespace HybridLlm.Classifier.Analysis;

/// <summary>What a prompt asks for; the categories follow the Dolly/InstructGPT task taxonomy plus code and math.</summary>
public enum TaskKind
{
    /// <summary>Not set; never produced by the classifier.</summary>
    Unspecified = 0,

    /// <summary>Assign a label or category (sentiment, topic, spam).</summary>
    Classification,

    /// <summary>Pull specific facts or fields out of supplied text.</summary>
    Extraction,

    /// <summary>Condense supplied text.</summary>
    Summarisation,

    /// <summary>Rephrase, restyle or translate supplied text.</summary>
    Rewrite,

    /// <summary>Answer a question from supplied reference text.</summary>
    ClosedQa,

    /// <summary>Answer a question from general knowledge.</summary>
    OpenQa,

    /// <summary>Conversation with no more specific task.</summary>
    Chat,

    /// <summary>Generate ideas or options.</summary>
    Brainstorming,

    /// <summary>Stories, poems, lyrics and other imaginative text.</summary>
    CreativeWriting,

    /// <summary>Write, explain, review or fix program code.</summary>
    Code,

    /// <summary>Solve or compute mathematical problems.</summary>
    Math,

    /// <summary>Plans, proofs and other chains of dependent steps.</summary>
    MultiStepReasoning,
}
