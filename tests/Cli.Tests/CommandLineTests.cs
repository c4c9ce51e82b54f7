using System.Diagnostics;

namespace HybridLlm.Cli.Tests;

/// <summary>The built tool run as a process: what a script sees (exit codes, stderr, files).</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hybridllm-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HybridLlm.Cli.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Classify_AllLinesReadable_ExitsZeroAndWritesOneLinePerPrompt()
    {
        var input = Write("in.jsonl", "{\"id\":\"1\",\"prompt\":\"hello\"}\n{\"id\":\"2\",\"prompt\":\"Solve 2x = 8.\"}\n");
        var output = Path.Combine(_directory, "out.jsonl");

        var (exit, _, stderr) = await RunAsync("classify", "--input", input, "--output", output);

        Assert.True(exit == 0, stderr);
        Assert.Equal(2, File.ReadAllLines(output).Length);
        Assert.Contains("Scored 2 prompts", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_SomeLinesUnreadable_ExitsOneAndNamesTheLines()
    {
        var input = Write("in.jsonl", "{\"id\":\"1\",\"prompt\":\"hello\"}\nnot json\n{\"id\":\"3\",\"prompt\":\"bye\"}\n");
        var output = Path.Combine(_directory, "out.jsonl");

        var (exit, _, stderr) = await RunAsync("classify", "--input", input, "--output", output);

        Assert.Equal(1, exit);
        Assert.Contains("line 2: not valid JSON", stderr, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(output).Length);
    }

    [Fact]
    public async Task Classify_StdoutOutput_CarriesOnlyData()
    {
        var input = Write("in.jsonl", "{\"id\":\"only\",\"prompt\":\"hello there\"}\n");

        var (exit, stdout, _) = await RunAsync("classify", "--input", input, "--output", "-");

        Assert.Equal(0, exit);
        Assert.StartsWith("{\"id\":\"only\",\"strong_score\":", stdout.Trim(), StringComparison.Ordinal);
        Assert.Single(stdout.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("classify", "--output", "out.jsonl")]
    [InlineData("classify", "--input", "in.jsonl", "--output", "o.jsonl", "--batch-size", "0")]
    [InlineData("classify", "--input", "in.jsonl", "--output", "o.jsonl", "--unknown")]
    [InlineData("frobnicate")]
    [InlineData("train", "--data", "prompts.jsonl")]
    public async Task BadArguments_ExitTwo(params string[] args)
    {
        var (exit, _, stderr) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_MissingInputFile_ExitsTwo()
    {
        var (exit, _, stderr) = await RunAsync("classify", "--input", Path.Combine(_directory, "absent.jsonl"), "--output", Path.Combine(_directory, "o.jsonl"));

        Assert.Equal(2, exit);
        Assert.Contains("Input file not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_InvalidWeights_ExitsTwoWithTheLoadersMessage()
    {
        var input = Write("in.jsonl", "{\"id\":\"1\",\"prompt\":\"hello\"}\n");
        var weights = Write("weights.json", "{\"format\":\"something-else\"}");

        var (exit, _, stderr) = await RunAsync("classify", "--input", input, "--output", Path.Combine(_directory, "o.jsonl"), "--weights", weights);

        Assert.Equal(2, exit);
        Assert.Contains("format is 'something-else'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_UnwritableOutput_ExitsTwo()
    {
        var input = Write("in.jsonl", "{\"id\":\"1\",\"prompt\":\"hello\"}\n");

        var (exit, _, _) = await RunAsync("classify", "--input", input, "--output", Path.Combine(_directory, "no-such-dir", "o.jsonl"));

        Assert.Equal(2, exit);
    }
}
