using System.Diagnostics;
using System.Text.Json;
using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Cli.Classify;

/// <summary>
/// Scores a JSONL stream of prompts with the in-process classifier. Lines are read in chunks; each chunk is
/// sorted by length into batches (so embeddings pad little) that run in parallel, then written back in input
/// order. Unreadable lines go to <c>errors</c> with their 1-based line number and are skipped; blank lines are
/// ignored.
/// </summary>
internal sealed class JsonlClassifier(PromptClassifier classifier, int batchSize, int parallelism)
{
    /// <summary>Lines held in memory at once; bounds memory on huge inputs.</summary>
    internal const int ChunkLines = 4_096;

    public async Task<ClassifyRunSummary> RunAsync(TextReader input, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var started = Stopwatch.GetTimestamp();
        int lineNumber = 0, scored = 0, unreadable = 0;
        var chunk = new List<(string Id, string Prompt)>(ChunkLines);
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!InputLineParser.TryParse(line, out var id, out var prompt, out var problem))
            {
                unreadable++;
                await errors.WriteLineAsync($"line {lineNumber}: {problem}; skipped").ConfigureAwait(false);
                continue;
            }

            chunk.Add((id, prompt));
            if (chunk.Count == ChunkLines)
            {
                scored += await ScoreAndWriteAsync(chunk, output, cancellationToken).ConfigureAwait(false);
                chunk.Clear();
            }
        }

        scored += await ScoreAndWriteAsync(chunk, output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new ClassifyRunSummary(lineNumber, scored, unreadable, Stopwatch.GetElapsedTime(started));
    }

    private async Task<int> ScoreAndWriteAsync(List<(string Id, string Prompt)> chunk, TextWriter output, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return 0;
        }

        var results = new PromptAnalysis[chunk.Count];
        var batches = Enumerable.Range(0, chunk.Count)
            .OrderBy(i => chunk[i].Prompt.Length)
            .Chunk(batchSize)
            .ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, options, async (batch, ct) =>
        {
            var conversations = batch.Select(i => (IReadOnlyList<ClassifierMessage>)[new ClassifierMessage("user", chunk[i].Prompt)]).ToArray();
            var analyses = await classifier.ClassifyBatchAsync(conversations, ct).ConfigureAwait(false);
            for (var j = 0; j < batch.Length; j++)
            {
                results[batch[j]] = analyses[j];
            }
        }).ConfigureAwait(false);

        for (var i = 0; i < chunk.Count; i++)
        {
            var analysis = results[i];
            var line = new ClassifiedLine(
                chunk[i].Id,
                analysis.StrongScore,
                TaskKindNames.ToSnakeCase(analysis.Task),
                analysis.InputTokens,
                analysis.Pii.Select(p => new ClassifiedPii(TaskKindNames.SnakeCase(p.Kind.ToString()), p.Start, p.Length)).ToArray());
            await output.WriteLineAsync(JsonSerializer.Serialize(line, ClassifyJsonContext.Default.ClassifiedLine)).ConfigureAwait(false);
        }

        return chunk.Count;
    }
}

/// <summary>What a <c>classify</c> run did.</summary>
/// <param name="Lines">Lines read, blank ones included.</param>
/// <param name="Scored">Prompts scored and written.</param>
/// <param name="Unreadable">Lines reported and skipped.</param>
/// <param name="Elapsed">Wall time of reading, scoring and writing.</param>
internal sealed record ClassifyRunSummary(int Lines, int Scored, int Unreadable, TimeSpan Elapsed);
