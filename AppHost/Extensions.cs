using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridLlm.AppHost;

/// <summary>The AppHost's conditional set-up, so AppHost.cs stays a wiring diagram.</summary>
internal static class Extensions
{
    /// <summary>
    /// Redis by <c>Cache:Mode</c>: <c>auto</c> (default: a container when a container runtime answers, else a local
    /// <c>redis-server</c> on PATH), <c>container</c>, <c>executable</c> or <c>external</c> (<c>ConnectionStrings:redis</c>).
    /// Services see the same connection string either way.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddResponseCache(this IDistributedApplicationBuilder builder, string name)
    {
        var mode = (builder.Configuration["Cache:Mode"] ?? "auto").Trim().ToLowerInvariant();
        if (mode == "auto")
        {
            mode = ContainerRuntimeAnswers() ? "container" : FindOnPath("redis-server") is not null ? "executable" : "missing";
        }

        return mode switch
        {
            "container" => builder.AddRedis(name),
            "executable" => builder.AddRedisServerExecutable(name),
            "external" => builder.AddConnectionString(name),
            "missing" => throw new DistributedApplicationException(
                "No Redis available: no container runtime answers and redis-server is not on PATH. Install Docker, or " +
                "`apt-get install redis-server` (then Cache:Mode=executable), or point Cache:Mode=external at ConnectionStrings:redis."),
            _ => throw new DistributedApplicationException($"Cache:Mode '{mode}' is not one of auto, container, executable, external."),
        };
    }

    /// <summary>
    /// Passes every <c>LocalInference:*</c> setting through (backend, model, digest pin, limits); a relative model path
    /// is resolved from the AppHost folder, a URL goes unchanged. Unset settings take the service's defaults (with no
    /// model: a small instruct model downloaded by URL). The upstream key comes as a secret parameter
    /// (<c>Parameters:local-inference-api-key</c>), never as plain configuration.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLocalModel(this IResourceBuilder<ProjectResource> resource)
    {
        var builder = resource.ApplicationBuilder;
        foreach (var setting in builder.Configuration.GetSection("LocalInference").GetChildren())
        {
            if (setting.Value is not { Length: > 0 } value || setting.Key == "ApiKey")
            {
                continue;
            }

            if (setting.Key == "Model" && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                value = Path.GetFullPath(value, builder.AppHostDirectory);
            }

            resource.WithEnvironment($"LocalInference__{setting.Key}", value);
        }

        if (!string.IsNullOrEmpty(builder.Configuration["Parameters:local-inference-api-key"]))
        {
            resource.WithEnvironment("LocalInference__ApiKey", builder.AddParameter("local-inference-api-key", secret: true));
        }

        return resource;
    }

    /// <summary>
    /// Passes <c>Proprietary:Provider|Endpoint|Model</c> through and the API key as a secret parameter
    /// (<c>Parameters:proprietary-api-key</c>, e.g. from user secrets). Without a key the adapter reports itself
    /// not configured and the gateway keeps auto traffic local.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithProprietaryProvider(this IResourceBuilder<ProjectResource> resource, out bool configured)
    {
        var builder = resource.ApplicationBuilder;
        foreach (var setting in new[] { "Provider", "Endpoint", "Model" })
        {
            if (builder.Configuration[$"Proprietary:{setting}"] is { Length: > 0 } value)
            {
                resource.WithEnvironment($"Proprietary__{setting}", value);
            }
        }

        configured = !string.IsNullOrEmpty(builder.Configuration["Parameters:proprietary-api-key"]);
        if (configured)
        {
            var apiKey = builder.AddParameter("proprietary-api-key", secret: true);
            resource.WithEnvironment("Proprietary__ApiKey", apiKey);
        }

        return resource;
    }

    /// <summary>The gateway's documented fixed ports: gRPC on 5400, HTTP on 5401 (overridable by Gateway:GrpcPort / Gateway:HttpPort).</summary>
    public static IResourceBuilder<ProjectResource> WithGatewayPorts(this IResourceBuilder<ProjectResource> resource)
    {
        var configuration = resource.ApplicationBuilder.Configuration;
        var grpcPort = configuration.GetValue("Gateway:GrpcPort", 5400);
        var httpPort = configuration.GetValue("Gateway:HttpPort", 5401);
        return resource
            .WithEndpoint("grpc", e => e.Port = grpcPort)
            .WithEndpoint("http", e => e.Port = httpPort);
    }

    /// <summary>
    /// Health over the HTTP/1.1 endpoint: the services' gRPC endpoint speaks HTTP/2 only, which the health probe cannot.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGrpcServiceHealthCheck(this IResourceBuilder<ProjectResource> resource) =>
        resource.WithHttpHealthCheck("/health", endpointName: "http");

    private static IResourceBuilder<RedisServerResource> AddRedisServerExecutable(this IDistributedApplicationBuilder builder, string name)
    {
        var redisServer = FindOnPath("redis-server")
            ?? throw new DistributedApplicationException("Cache:Mode=executable needs redis-server on PATH (`apt-get install redis-server`).");
        var resource = new RedisServerResource(name, redisServer, builder.AppHostDirectory);
        var healthCheckKey = $"{name}_ping";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RedisPingHealthCheck(resource), failureStatus: null, tags: null));

        return builder.AddResource(resource)
            .WithEndpoint(name: RedisServerResource.EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--save");
                context.Args.Add("");
                context.Args.Add("--appendonly");
                context.Args.Add("no");
            })
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary><c>docker info</c> with a short timeout: the CLI alone proves nothing (it exists without an engine).</summary>
    private static bool ContainerRuntimeAnswers()
    {
        if (FindOnPath("docker") is not { } docker)
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(docker, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
