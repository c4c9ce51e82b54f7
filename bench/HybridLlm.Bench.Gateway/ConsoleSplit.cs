namespace HybridLlm.Bench.Gateway;

/// <summary>
/// The gateway logs to the console as shipped (console logger, Information). In-process that would be our stdout, so
/// <see cref="Console.Out"/> goes to a file (written as a terminal or pipe would be: flushed per write) and the
/// benchmark writes to the real stdout through <see cref="Report"/>.
/// </summary>
internal sealed class ConsoleSplit : IDisposable
{
    private readonly StreamWriter _gatewayLog;

    private ConsoleSplit(string gatewayLogPath)
    {
        GatewayLogPath = gatewayLogPath;
        Report = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        _gatewayLog = new StreamWriter(gatewayLogPath, append: false) { AutoFlush = true };
        Console.SetOut(_gatewayLog);
    }

    public TextWriter Report { get; }

    public string GatewayLogPath { get; }

    public static ConsoleSplit Start(string name) =>
        new(Path.Combine(Path.GetTempPath(), $"hybridllm-bench-{name}-{Environment.ProcessId}.log"));

    /// <summary>Lines the gateway has logged so far (the file is flushed per write).</summary>
    public long GatewayLogLines()
    {
        using var stream = new FileStream(GatewayLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        long lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }

    /// <summary>Once the gateway has stopped: its log can be large (several lines per routed request).</summary>
    public void DeleteGatewayLogs()
    {
        Console.SetOut(TextWriter.Null);
        _gatewayLog.Dispose();
        File.Delete(GatewayLogPath);
    }

    public void Dispose()
    {
        _gatewayLog.Dispose();
        Report.Dispose();
    }
}
