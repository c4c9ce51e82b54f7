using System.Runtime;
using System.Runtime.InteropServices;

namespace HybridLlm.Bench.Gateway;

/// <summary>What the numbers were measured on.</summary>
internal static class Machine
{
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>The cores this process may run on (<c>Cpus_allowed_list</c>).</summary>
    public static string Affinity()
    {
        try
        {
            return File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static string Describe() =>
        $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}, " +
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {LoadAverage()}";
}
