using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Tests;

/// <summary>Helpers that state what a finding points at.</summary>
internal static class PiiAssert
{
    public static string Covered(string text, PiiFinding finding) => text.Substring(finding.Start, finding.Length);

    /// <summary>Asserts exactly one finding, of <paramref name="kind"/>, covering exactly <paramref name="value"/>.</summary>
    public static void SingleFinding(string text, PiiKind kind, string value)
    {
        var finding = Assert.Single(new PiiDetector().Detect(text));
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(value, Covered(text, finding));
    }

    public static void NoFindings(string text) => Assert.Empty(new PiiDetector().Detect(text));
}
