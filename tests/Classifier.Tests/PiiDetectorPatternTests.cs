using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Tests;

public sealed class PiiDetectorPatternTests
{
    [Theory]
    [InlineData("536-90-4567")]
    [InlineData("536 90 4568")]
    public void Detect_IssuableSsn_IsReported(string ssn) =>
        PiiAssert.SingleFinding($"My SSN is {ssn}.", PiiKind.UsSsn, ssn);

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("900-12-3456")]
    [InlineData("999-12-3456")]
    [InlineData("536-00-4567")]
    [InlineData("536-90-0000")]
    public void Detect_SsnInNeverIssuedRange_IsNotReported(string ssn) =>
        PiiAssert.NoFindings($"My SSN is {ssn}.");

    [Theory]
    [InlineData("192.168.1.10")]
    [InlineData("8.8.8.8")]
    [InlineData("255.255.255.0")]
    [InlineData("2001:db8::8a2e:370:7334")]
    [InlineData("fe80::1ff:fe23:4567:890a")]
    [InlineData("::ffff:192.0.2.128")]
    public void Detect_IpAddress_IsReportedWithExactSpan(string address) =>
        PiiAssert.SingleFinding($"The server at {address} is down.", PiiKind.IpAddress, address);

    [Theory]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.999")]
    [InlineData("01.02.03.04")]
    [InlineData("1.2.3.4.5")]
    [InlineData("std::vector<int>")]
    [InlineData("12:30:45")]
    [InlineData("00:1A:2B:3C:4D:5E")]
    public void Detect_NotAnIpAddress_IsNotReported(string text) =>
        PiiAssert.NoFindings($"Look at {text} here.");

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("alice.smith+news@mail.example.co.uk")]
    [InlineData("BOB_99@Example.ORG")]
    public void Detect_EmailAddress_IsReportedWithExactSpan(string email) =>
        PiiAssert.SingleFinding($"Write to {email}.", PiiKind.Email, email);

    [Theory]
    [InlineData("alice@")]
    [InlineData("@example.com")]
    [InlineData("alice@localhost")]
    public void Detect_IncompleteEmail_IsNotReported(string text) =>
        PiiAssert.NoFindings($"Write to {text} now");

    [Theory]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+1 (415) 555-2671")]
    [InlineData("+14155552671")]
    [InlineData("+49 30 1234567")]
    [InlineData("(415) 555-2671")]
    [InlineData("415-555-2671")]
    [InlineData("415.555.2671")]
    [InlineData("020 7946 0958")]
    [InlineData("030 1234567")]
    public void Detect_PhoneNumber_IsReportedWithExactSpan(string phone) =>
        PiiAssert.SingleFinding($"Call me on {phone} tomorrow.", PiiKind.Phone, phone);

    [Theory]
    [InlineData("2024-01-15")]
    [InlineData("15.01.2024")]
    [InlineData("01/02/2024")]
    [InlineData("order 123456789")]
    [InlineData("+12 34")]
    [InlineData("version 1.2.3")]
    public void Detect_DateOrPlainNumber_IsNotAPhone(string text) =>
        PiiAssert.NoFindings($"See {text} for details.");

    [Fact]
    public void Detect_SeveralKinds_ReturnsThemInTextOrderWithTheMessageIndex()
    {
        const string Text = "Mail alice@example.com or call +44 20 7946 0958 from 10.0.0.1";

        var findings = new PiiDetector().Detect(Text, messageIndex: 3);

        Assert.Equal([PiiKind.Email, PiiKind.Phone, PiiKind.IpAddress], findings.Select(f => f.Kind));
        Assert.All(findings, f => Assert.Equal(3, f.MessageIndex));
        Assert.Equal(["alice@example.com", "+44 20 7946 0958", "10.0.0.1"], findings.Select(f => PiiAssert.Covered(Text, f)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Nothing personal here, just 42 apples and 7 pears.")]
    public void Detect_TextWithoutPii_ReturnsNoFindings(string? text) =>
        Assert.Empty(new PiiDetector().Detect(text));
}
