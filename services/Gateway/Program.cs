using HybridLlm.Contracts.Grpc;
using HybridLlm.Gateway;
using HybridLlm.Gateway.Costing;
using HybridLlm.Gateway.OpenAi;
using HybridLlm.Gateway.Tenancy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseMiddleware<TenantAuthenticationMiddleware>();
app.MapGrpcService<ChatGrpcService>();
app.MapGrpcService<ReportGrpcService>();
app.MapOpenAiEndpoints();
app.MapReportEndpoints();
app.MapDefaultEndpoints();

app.Run();
