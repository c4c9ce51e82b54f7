using HybridLlm.Contracts.Grpc;
using HybridLlm.ProprietaryAdapter;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProprietaryAdapterServices();

var app = builder.Build();

app.MapGrpcService<ChatGrpcService>();
app.MapDefaultEndpoints();

app.Run();
