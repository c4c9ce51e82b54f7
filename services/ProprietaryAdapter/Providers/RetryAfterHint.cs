using System.Globalization;
using System.Net.Http.Headers;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Reads a vendor's wait hint: <c>retry-after-ms</c> (OpenAI, Anthropic) first, then <c>Retry-After</c>.</summary>
internal static class RetryAfterHint
{
    public const string MillisecondsHeader = "retry-after-ms";
    public const string SecondsOrDateHeader = "Retry-After";

    // Anything longer is nonsense for a retry loop; bounding it also keeps TimeSpan arithmetic from overflowing.
    private static readonly TimeSpan Ceiling = TimeSpan.FromDays(1);

    /// <summary>
    /// The hinted wait, never negative (an HTTP date in the past means "now"), or null when the response carries no
    /// readable hint. Accepts delta seconds (also fractional, as some gateways send) and HTTP dates.
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers.NonValidated;
        if (headers.TryGetValues(MillisecondsHeader, out var msValues)
            && double.TryParse(First(msValues), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && double.IsFinite(milliseconds))
        {
            return Bound(TimeSpan.FromMilliseconds(Math.Min(Math.Max(milliseconds, 0), Ceiling.TotalMilliseconds)));
        }

        if (!headers.TryGetValues(SecondsOrDateHeader, out var values))
        {
            return null;
        }

        var text = First(values);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return Bound(TimeSpan.FromSeconds(Math.Min(Math.Max(seconds, 0), Ceiling.TotalSeconds)));
        }

        if (DateTimeOffset.TryParseExact(text, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return Bound(date - now);
        }

        return null;
    }

    /// <summary>The hint capped at <paramref name="maxDelay"/>: a vendor asking for an hour must not park a request.</summary>
    public static TimeSpan Clamp(TimeSpan hint, TimeSpan maxDelay) => hint > maxDelay ? maxDelay : hint;

    private static string First(HeaderStringValues values)
    {
        foreach (var value in values)
        {
            return value.Trim();
        }

        return "";
    }

    private static TimeSpan Bound(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > Ceiling ? Ceiling : value;
}
