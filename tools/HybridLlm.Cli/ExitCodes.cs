namespace HybridLlm.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was done.</summary>
    public const int Ok = 0;

    /// <summary>The run completed, but some input lines could not be read (each is reported on stderr with its line number).</summary>
    public const int SomeLinesUnreadable = 1;

    /// <summary>Bad arguments, a missing or unreadable input, an unwritable output or invalid weights: nothing useful was produced.</summary>
    public const int BadArgumentsOrIo = 2;

    /// <summary>The gateway refused the request (bad input, policy, authentication): retrying the same call will not help.</summary>
    public const int Rejected = 3;

    /// <summary>The gateway could not be reached or could not serve (unavailable, overloaded, timed out): retry later.</summary>
    public const int GatewayUnavailable = 4;
}
