using System.Net;
using HybridLlm.ProprietaryAdapter.Providers;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>Parsing of vendor wait hints.</summary>
public sealed class RetryAfterHintTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("retry-after-ms", "250", 250)]
    [InlineData("retry-after-ms", "12.5", 12.5)]
    [InlineData("Retry-After", "3", 3000)]
    [InlineData("Retry-After", "1.5", 1500)]
    [InlineData("Retry-After", "-4", 0)]
    [InlineData("Retry-After", "Sun, 01 Mar 2026 12:00:20 GMT", 20000)]
    [InlineData("Retry-After", "Sun, 01 Mar 2026 11:00:00 GMT", 0)]
    public void Read_ValidHint_ReturnsTheWait(string header, string value, double expectedMs)
    {
        using var response = Response((header, value));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryAfterHint.Read(response, Now));
    }

    [Fact]
    public void Read_BothHeaders_PrefersMilliseconds()
    {
        using var response = Response(("Retry-After", "9"), ("retry-after-ms", "40"));

        Assert.Equal(TimeSpan.FromMilliseconds(40), RetryAfterHint.Read(response, Now));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    public void Read_UnreadableHint_ReturnsNull(string value)
    {
        using var response = Response(("Retry-After", value));

        Assert.Null(RetryAfterHint.Read(response, Now));
    }

    [Fact]
    public void Read_AbsurdHint_IsBoundedToADay()
    {
        using var response = Response(("Retry-After", "99999999999999"));

        Assert.Equal(TimeSpan.FromDays(1), RetryAfterHint.Read(response, Now));
    }

    [Fact]
    public void Clamp_HintAboveMax_ReturnsMax() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterHint.Clamp(TimeSpan.FromHours(1), TimeSpan.FromSeconds(30)));

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
