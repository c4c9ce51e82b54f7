using System.ComponentModel;
using System.Globalization;

namespace HybridLlm.ProprietaryAdapter.Deployments;

/// <summary>
/// One vendor model a deployment serves (<c>Models</c> list items). Written either as an object
/// (<c>{ "Id": "gpt-4o", "RetiresOn": "2026-10-01" }</c>) or as a bare model id string.
/// </summary>
[TypeConverter(typeof(DeploymentModelOptionsConverter))]
internal sealed class DeploymentModelOptions
{
    /// <summary>The vendor model id (for Azure OpenAI: the deployment name), e.g. <c>gpt-4o-mini</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>
    /// The day the vendor retires the model (00:00 UTC), if announced. Within <c>Proprietary:RetirementWarningWindow</c>
    /// of it the service warns in logs and reports itself Degraded, so the alias can be moved in time.
    /// </summary>
    public DateOnly? RetiresOn { get; set; }

    public override string ToString() => RetiresOn is { } date
        ? string.Create(CultureInfo.InvariantCulture, $"{Id} (retires {date:yyyy-MM-dd})")
        : Id;
}

/// <summary>Lets configuration list a model as a plain string (<c>"Models": ["gpt-4o"]</c>).</summary>
internal sealed class DeploymentModelOptionsConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string id ? new DeploymentModelOptions { Id = id.Trim() } : base.ConvertFrom(context, culture, value);
}
