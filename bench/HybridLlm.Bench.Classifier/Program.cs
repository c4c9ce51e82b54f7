using HybridLlm.Bench.Classifier;

// Timed loops in Release, meant to run pinned to one core:
//   taskset -c 0 dotnet bench/HybridLlm.Bench.Classifier/bin/Release/net10.0/HybridLlm.Bench.Classifier.dll latency
//   dotnet bench/HybridLlm.Bench.Classifier/bin/Release/net10.0/HybridLlm.Bench.Classifier.dll memory
return args.FirstOrDefault() switch
{
    "latency" => await LatencyBenchmark.RunAsync(args.Skip(1).ToArray()),
    "memory" => await ServiceMemoryBenchmark.RunAsync(args.Skip(1).ToArray()),
    "pasted-context" => await PastedContextBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HybridLlm.Bench.Classifier latency [--iterations N] [--weights path] | memory [--service path/to/HybridLlm.Classifier.dll] | pasted-context [--count N] [--weights path] [--write prompts.jsonl]");
    return 2;
}
