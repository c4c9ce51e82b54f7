using HybridLlm.Grpc.V1;

namespace HybridLlm.Contracts;

/// <summary>The wire names of routes in metadata, logs, traces and cache entries.</summary>
public static class RouteNames
{
    public const string Local = "local";
    public const string Proprietary = "proprietary";

    public static string? ToName(Route route) => route switch
    {
        Route.Local => Local,
        Route.Proprietary => Proprietary,
        _ => null,
    };

    public static Route FromName(string? name) => name switch
    {
        Local => Route.Local,
        Proprietary => Route.Proprietary,
        _ => Route.Unspecified,
    };
}
