using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Routing;

/// <summary>Where the gateway finds its backends (config section <c>Backends</c>). Only configuration names hosts.</summary>
public sealed class BackendOptions
{
    public const string SectionName = "Backends";

    [Required]
    public Uri Classifier { get; set; } = new("http://_grpc.classifier");

    [Required]
    public Uri Local { get; set; } = new("http://_grpc.local-inference");

    [Required]
    public Uri Proprietary { get; set; } = new("http://_grpc.proprietary-adapter");
}

[OptionsValidator]
public sealed partial class BackendOptionsValidator : IValidateOptions<BackendOptions>;
