using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using HybridLlm.Grpc.V1;
using HybridLlm.LocalInference.Hosting;
using HybridLlm.LocalInference.Llama;
using HybridLlm.LocalInference.ModelFiles;
using HybridLlm.LocalInference.Serving;
using HybridLlm.LocalInference.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Tests;

/// <summary>Readiness (/health) versus liveness (/alive) across start-up, warm-up, failures and memory pressure.</summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Health_WhileLoadingAndWarmingUp_IsUnhealthyAndTurnsHealthyOnlyAfterWarmup()
    {
        var load = new TaskCompletionSource();
        var warmup = new TaskCompletionSource();
        await using var host = await ServiceHost.StartAsync(
            ServiceHost.StoriesSettings(),
            ControlledBackendLoader.Install<LlamaBackendLoader>(loader =>
            {
                loader.LoadGate = load.Task;
                loader.GenerationGate = warmup.Task;
            }),
            waitUntilReady: false);
        var loader = host.Services.GetRequiredService<ControlledBackendLoader>();
        await loader.LoadStarted.Task.WaitAsync(Guard);

        Assert.Equal(WarmupState.Loading, host.Warmup.State);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/alive")).StatusCode);

        load.SetResult();
        var client = await loader.Loaded.Task.WaitAsync(Guard);
        await client.FirstCallStarted.Task.WaitAsync(Guard);
        Assert.Equal(WarmupState.WarmingUp, host.Warmup.State);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Http.GetAsync("/health")).StatusCode);

        warmup.SetResult();
        await host.Warmup.Ready.WaitAsync(Guard);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task Complete_BeforeTheModelIsLoaded_IsUnavailableWithARetryHint()
    {
        var load = new TaskCompletionSource();
        await using var host = await ServiceHost.StartAsync(
            ServiceHost.StoriesSettings(),
            ControlledBackendLoader.Install<LlamaBackendLoader>(loader => loader.LoadGate = load.Task),
            waitUntilReady: false);
        await host.Services.GetRequiredService<ControlledBackendLoader>().LoadStarted.Task.WaitAsync(Guard);

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.CompleteAsync(new ChatRequest
        {
            Messages = { new ChatMessage { Role = ChatRole.User, Text = "Hi" } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.NotNull(Contracts.Errors.ChatErrorMapper.GetRetryAfter(error));
        load.SetResult();
    }

    [Fact]
    public async Task Health_WorkingSetAboveTheBound_IsUnhealthyWhileAliveStaysHealthy()
    {
        await using var host = await ServiceHost.StartAsync(ServiceHost.StoriesSettings(("LocalInference:MaxWorkingSetBytes", "1048576")));

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/alive")).StatusCode);
        Assert.Equal(HealthStatus.Healthy, health.Entries["model-ready"].Status);
        Assert.Equal(HealthStatus.Unhealthy, health.Entries["working-set"].Status);
        Assert.Contains("MaxWorkingSetBytes", health.Entries["working-set"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingSetCheck_NoBoundConfigured_AllowsMostOfTheAvailableMemory()
    {
        var check = new WorkingSetHealthCheck(Options.Create(new ServingOptions()));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal((long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.9), check.BoundBytes);
        Assert.True((long)result.Data["working_set_bytes"] > 0);
    }

    [Fact]
    public async Task Start_TruncatedDownload_StopsTheServiceNamingExpectedAndActualDigest()
    {
        var model = await File.ReadAllBytesAsync(StoriesModel.Path);
        var truncated = model[..(model.Length - 4096)];
        await using var server = await ModelFileServer.StartAsync((context, _) => ModelFileServer.ServeAsync(context, truncated));
        var cache = Path.Combine(Path.GetTempPath(), $"hybridllm-cache-{Guid.NewGuid():N}");
        try
        {
            var failure = await StartExpectingFailureAsync(ServiceHost.StoriesSettings(
                ("LocalInference:Model", server.Url("/stories260K.gguf").ToString()),
                ("LocalInference:ModelSha256", StoriesModel.Digest),
                ("LocalInference:ModelCacheDirectory", cache)));

            var integrity = Assert.IsType<ModelIntegrityException>(failure.Error);
            Assert.Equal(StoriesModel.Digest, integrity.ExpectedSha256);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(truncated)), integrity.ActualSha256);
            Assert.Contains(StoriesModel.Digest, failure.Readiness, StringComparison.Ordinal);
            Assert.Contains(integrity.ActualSha256!, failure.Readiness, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(cache, "*.gguf*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task Start_LocalFileWithMismatchedPin_StopsTheServiceNamingBothDigests()
    {
        var wrong = new string('a', 64);

        var failure = await StartExpectingFailureAsync(ServiceHost.StoriesSettings(("LocalInference:ModelSha256", wrong)));

        var integrity = Assert.IsType<ModelIntegrityException>(failure.Error);
        Assert.Equal(wrong, integrity.ExpectedSha256);
        Assert.Equal(StoriesModel.Digest, integrity.ActualSha256);
        Assert.Contains(wrong, failure.Readiness, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MissingModelFile_StopsTheServiceNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.gguf");

        var failure = await StartExpectingFailureAsync(ServiceHost.StoriesSettings(("LocalInference:Model", path)));

        Assert.IsType<FileNotFoundException>(failure.Error);
        Assert.Contains(path, failure.Readiness, StringComparison.Ordinal);
    }

    private static async Task<(Exception Error, string Readiness)> StartExpectingFailureAsync(Dictionary<string, string?> settings)
    {
        try
        {
            await using var host = await ServiceHost.StartAsync(settings, waitUntilReady: false);
            var error = await Assert.ThrowsAnyAsync<Exception>(() => host.Warmup.Ready.WaitAsync(Guard));
            Assert.True(host.Lifetime.ApplicationStopping.IsCancellationRequested, "a model that cannot load stops the service");
            Assert.Equal(WarmupState.Failed, host.Warmup.State);
            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Unhealthy, health.Entries["model-ready"].Status);
            return (error, health.Entries["model-ready"].Description ?? "");
        }
        finally
        {
            // The service sets the process exit code for its orchestrator; here the process is the test runner.
            Environment.ExitCode = 0;
        }
    }
}
