namespace HybridLlm.Cli.Training;

/// <summary>
/// Teaches the router that pasted material does not change the request: each training prompt gets a copy with another
/// training prompt of a different task appended after a blank line, keeping its own labels and cross-validation group.
/// Real traffic is full of this ("Summarise the report below: …" followed by a bug report); without it a bag-of-pieces
/// encoder reads the pasted text's subject as the task. Validation prompts are never copied or used as filler.
/// Deterministic for a seed.
/// </summary>
internal static class ContextAugmentation
{
    public static IReadOnlyList<LabelledPrompt> Augment(IReadOnlyList<LabelledPrompt> prompts, int seed)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var train = prompts.Where(p => !p.IsValidation).ToArray();
        if (train.Select(p => p.Task).Distinct().Count() < 2)
        {
            return prompts;
        }

        var random = new Random(seed);
        var result = new List<LabelledPrompt>(prompts.Count + train.Length);
        result.AddRange(prompts);
        foreach (var prompt in train)
        {
            LabelledPrompt filler;
            do
            {
                filler = train[random.Next(train.Length)];
            }
            while (filler.Task == prompt.Task);

            result.Add(prompt with { Id = $"{prompt.Id}+context", Prompt = $"{prompt.Prompt}\n\n{filler.Prompt}" });
        }

        return result;
    }
}
