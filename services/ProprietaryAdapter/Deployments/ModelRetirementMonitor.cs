using System.Collections.Concurrent;
using System.Globalization;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Serving;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Deployments;

/// <summary>A configured model at or near its retirement date.</summary>
internal sealed record RetirementNotice(string Model, string Deployment, DateOnly RetiresOn, IReadOnlyList<string> Aliases, int DaysLeft)
{
    public bool IsRetired => DaysLeft <= 0;

    public string Describe()
    {
        var when = IsRetired
            ? string.Create(CultureInfo.InvariantCulture, $"was retired on {RetiresOn:yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"retires on {RetiresOn:yyyy-MM-dd}, in {DaysLeft} days");
        return $"model {Model} (deployment {Deployment}, aliases: {AliasText}) {when}";
    }

    public string AliasText => Aliases.Count == 0 ? "none" : string.Join(", ", Aliases);
}

/// <summary>
/// Watches the <c>RetiresOn</c> dates of configured models on the injected clock: within
/// <c>Proprietary:RetirementWarningWindow</c> of a date (and after it), requests that resolve to the model log a warning
/// (at most hourly per model) and the health check reports Degraded, so the alias is moved before the vendor says 404.
/// </summary>
internal sealed class ModelRetirementMonitor
{
    private static readonly TimeSpan RepeatWarningAfter = TimeSpan.FromHours(1);

    private readonly (DeploymentEntry Deployment, DeploymentModelOptions Model)[] _dated;
    private readonly ProprietaryOptions _options;
    private readonly IOptionsMonitor<ModelAliasOptions> _aliases;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ModelRetirementMonitor> _logger;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWarned = new(StringComparer.OrdinalIgnoreCase);

    public ModelRetirementMonitor(
        IOptions<ProprietaryOptions> options,
        IOptionsMonitor<ModelAliasOptions> aliases,
        TimeProvider timeProvider,
        ILogger<ModelRetirementMonitor> logger)
    {
        _options = options.Value;
        _aliases = aliases;
        _timeProvider = timeProvider;
        _logger = logger;
        _dated = [.. DeploymentCatalog.All(_options)
            .SelectMany(d => d.Options.Models.Where(m => m.RetiresOn is not null).Select(m => (d, m)))];
    }

    /// <summary>Every configured model inside its warning window or past its date; warns for each (throttled).</summary>
    public IReadOnlyList<RetirementNotice> Check()
    {
        var notices = Notices(model: null);
        foreach (var notice in notices)
        {
            Warn(notice);
        }

        return notices;
    }

    /// <summary>Called for each request with the vendor model it resolved to (null: the <c>auto</c> model).</summary>
    public void NoteUse(string? model)
    {
        if (_dated.Length == 0)
        {
            return;
        }

        foreach (var notice in Notices(model ?? _options.Model))
        {
            Warn(notice);
        }
    }

    private List<RetirementNotice> Notices(string? model)
    {
        var now = _timeProvider.GetUtcNow();
        var notices = new List<RetirementNotice>();
        foreach (var (deployment, dated) in _dated)
        {
            if (model is not null && !string.Equals(model, dated.Id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var retiresAt = new DateTimeOffset(dated.RetiresOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var left = retiresAt - now;
            if (left <= _options.RetirementWarningWindow)
            {
                notices.Add(new RetirementNotice(dated.Id, deployment.Name, dated.RetiresOn.Value, AliasesOf(dated.Id),
                    (int)Math.Ceiling(Math.Max(0, left.TotalDays))));
            }
        }

        return notices;
    }

    private List<string> AliasesOf(string model)
    {
        var aliases = _aliases.CurrentValue.Aliases
            .Where(a => string.Equals(a.Value, model, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (string.Equals(_options.Model, model, StringComparison.OrdinalIgnoreCase))
        {
            aliases.Insert(0, "auto");
        }

        return aliases;
    }

    private void Warn(RetirementNotice notice)
    {
        var now = _timeProvider.GetUtcNow();
        var key = $"{notice.Deployment}/{notice.Model}";
        if (_lastWarned.TryGetValue(key, out var last) && now - last < RepeatWarningAfter)
        {
            return;
        }

        _lastWarned[key] = now;
        Log.ModelRetiring(_logger, notice.Model, notice.Deployment, notice.AliasText, notice.IsRetired ? "was retired" : "retires",
            notice.RetiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
