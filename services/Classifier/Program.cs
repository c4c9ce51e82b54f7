using HybridLlm.Classifier;
using HybridLlm.Classifier.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddClassifierServices();

var app = builder.Build();

app.MapGrpcService<ClassifierGrpcService>();
app.MapDefaultEndpoints();

app.Run();
