using HybridLlm.Contracts.Grpc;
using HybridLlm.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.MapGrpcService<ChatGrpcService>();
app.MapDefaultEndpoints();

app.Run();
