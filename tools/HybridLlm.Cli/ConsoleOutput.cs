using Spectre.Console;

namespace HybridLlm.Cli;

/// <summary>
/// Human-facing output goes to stderr, so stdout stays free for data (<c>--output -</c>). When stderr is redirected
/// (a script or a log), lines are not wrapped, so a message stays on one greppable line.
/// </summary>
internal static class ConsoleOutput
{
    private const int UnwrappedWidth = 4096;

    public static IAnsiConsole Stderr { get; } = Create(Console.Error, Console.IsErrorRedirected);

    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}
