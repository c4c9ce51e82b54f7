using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Source-generated start-time validation of <see cref="ProprietaryOptions"/> (attributes and cross-field rules).</summary>
[OptionsValidator]
internal sealed partial class ProprietaryOptionsValidator : IValidateOptions<ProprietaryOptions>;
