using Grpc.Core;
using Spectre.Console;

namespace HybridLlm.Cli.Gateway;

/// <summary>Turns a failed gateway call into one readable line and an exit code a script can act on.</summary>
internal static class GatewayErrors
{
    public static int Report(RpcException error)
    {
        ConsoleOutput.Stderr.MarkupLineInterpolated($"[red]{error.StatusCode}[/]: {error.Status.Detail}");
        return error.StatusCode switch
        {
            StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.PermissionDenied or StatusCode.Unauthenticated => ExitCodes.Rejected,
            _ => ExitCodes.GatewayUnavailable,
        };
    }
}
