using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Tests;

public sealed class PiiDetectorChecksumTests
{
    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("5555-5555-5555-4444")]
    [InlineData("378282246310005")]
    [InlineData("6011111111111117")]
    public void Detect_LuhnValidCardNumber_IsReportedWithExactSpan(string card) =>
        PiiAssert.SingleFinding($"Please charge {card} today.", PiiKind.PaymentCard, card);

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("5555-5555-5555-4445")]
    [InlineData("378282246310006")]
    public void Detect_LuhnInvalidCardNumber_IsNotReported(string card) =>
        PiiAssert.NoFindings($"Please charge {card} today.");

    [Fact]
    public void Detect_CardDigitsInsideLongerNumber_AreNotReported() =>
        PiiAssert.NoFindings("Tracking id 94111111111111111 12 arrived.");

    [Fact]
    public void Detect_RepeatedZeroDigits_AreNotACard() =>
        PiiAssert.NoFindings("Reference 0000 0000 0000 0000.");

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("DE89370400440532013000")]
    public void Detect_ValidIban_IsReportedWithExactSpan(string iban) =>
        PiiAssert.SingleFinding($"Send it to {iban} please.", PiiKind.Iban, iban);

    [Fact]
    public void Detect_IbanFollowedByUpperCaseWord_EndsAtTheCountryLength() =>
        PiiAssert.SingleFinding("IBAN: GB82 WEST 1234 5698 7654 32 OK", PiiKind.Iban, "GB82 WEST 1234 5698 7654 32");

    [Theory]
    [InlineData("GB83 WEST 1234 5698 7654 32")]
    [InlineData("DE88 3704 0044 0532 0130 00")]
    [InlineData("GB82 WEST 1234 5698 7654 33")]
    public void Detect_IbanWithWrongCheckDigits_IsNotReported(string iban) =>
        PiiAssert.NoFindings($"Send it to {iban} please.");

    [Fact]
    public void Detect_CardNumber_IsNotAlsoReportedAsPhone()
    {
        var findings = new PiiDetector().Detect("Card: 4111-1111-1111-1111, phone: +44 20 7946 0958");

        Assert.Collection(
            findings,
            card => Assert.Equal(PiiKind.PaymentCard, card.Kind),
            phone => Assert.Equal(PiiKind.Phone, phone.Kind));
    }
}
