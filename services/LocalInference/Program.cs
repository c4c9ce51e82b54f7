using HybridLlm.Contracts.Grpc;
using HybridLlm.LocalInference;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddLocalInferenceServices();

var app = builder.Build();

app.MapGrpcService<ChatGrpcService>();
app.MapDefaultEndpoints();

app.Run();
