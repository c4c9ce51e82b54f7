using HybridLlm.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: Redis as a container, a local redis-server or an external connection (Cache:Mode).
var redis = builder.AddResponseCache("redis");

// The prompt classifier (gRPC).
var classifier = builder.AddProject<Projects.HybridLlm_Classifier>("classifier")
    .WithGrpcServiceHealthCheck();

// Self-hosted inference over the GGUF model named by LocalInference:Model.
var localInference = builder.AddProject<Projects.HybridLlm_LocalInference>("local-inference")
    .WithLocalModel()
    .WithGrpcServiceHealthCheck();

// The proprietary API adapter: provider, endpoint and model from Proprietary:*, the key from a secret parameter;
// Redis holds its shared rate-limit buckets and deferred queue.
var proprietaryAdapter = builder.AddProject<Projects.HybridLlm_ProprietaryAdapter>("proprietary-adapter")
    .WithReference(redis)
    .WaitFor(redis)
    .WithProprietaryProvider(out var proprietaryConfigured)
    .WithGrpcServiceHealthCheck();

// The gateway: the routing layer every caller talks to, on fixed ports 5400 (gRPC) and 5401 (HTTP).
builder.AddProject<Projects.HybridLlm_Gateway>("gateway")
    .WithReference(redis)
    .WaitFor(redis)
    .WithReference(classifier)
    .WaitFor(classifier)
    .WithReference(localInference)
    .WaitFor(localInference)
    .WithReference(proprietaryAdapter)
    .WaitFor(proprietaryAdapter)
    .WithEnvironment("Routing__ProprietaryEnabled", proprietaryConfigured ? "true" : "false")
    .WithGatewayPorts()
    .WithGrpcServiceHealthCheck();

builder.Build().Run();
