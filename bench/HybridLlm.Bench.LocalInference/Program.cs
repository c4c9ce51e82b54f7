using HybridLlm.Bench.LocalInference;

// Local inference: the gRPC service in this process on a loopback port versus raw LLamaSharp, same model, same run.
// --MakeRandomModel=<out.gguf> [--Vocabulary=<vocab.gguf>] writes the random-weight 110M llama and exits.
if (BenchSettings.RandomModelRequest(args) is var (vocabulary, output))
{
    RandomLlamaGguf.Write(vocabulary, output);
    Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length:N0} bytes)");
    return;
}

var settings = BenchSettings.FromArgs(args);
var report = new Report(settings);
report.Header();

using var raw = new RawLlamaRunner(settings);

await using (var service = await InProcessService.StartAsync(ServiceSettings.ForThroughput(settings)))
{
    var grpc = new GrpcTarget(service.Client, settings);
    var pipeline = new ChatClientTarget(service.Pipeline, settings);
    await grpc.StreamAsync(0); // opens the HTTP/2 connection
    foreach (var level in settings.Levels)
    {
        var runs = new LevelRuns();
        for (var repeat = 0; repeat < settings.Repeats; repeat++)
        {
            // Interleaved, so drift in a shared machine's load hits all three alike.
            runs.Raw.Add(await raw.RunAsync(level, level * settings.RequestsPerCaller));
            runs.Pipeline.Add(await LoadRunner.RunClosedLoopAsync(pipeline, level, settings.RequestsPerCaller));
            runs.Grpc.Add(await LoadRunner.RunClosedLoopAsync(grpc, level, settings.RequestsPerCaller));
        }

        report.Level(level, runs);
    }
}

await using (var service = await InProcessService.StartAsync(ServiceSettings.AtDefaults(settings)))
{
    var grpc = new GrpcTarget(service.Client, settings);
    await grpc.StreamAsync(0);
    for (var wave = 0; wave < settings.OverloadWaves; wave++)
    {
        report.Wave(wave + 1, await LoadRunner.RunWaveAsync(grpc, settings.OverloadCallers));
    }
}

report.Footer();
