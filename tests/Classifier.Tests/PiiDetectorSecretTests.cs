using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Tests;

/// <summary>Fake credentials are assembled from parts so secret scanners do not flag this file.</summary>
public sealed class PiiDetectorSecretTests
{
    public static TheoryData<string> ProviderTokens => new()
    {
        "sk-" + "proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv",
        "sk-" + "ant-" + "api03-" + "Zz9yXx8wVv7uTt6sSs5rQq4pPp",
        "sk-" + "1234567890abcdefghijKLMNOP",
        "AKIA" + "IOSFODNN7EXAMPLE",
        "gh" + "p_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        "github" + "_pat_" + "11ABCDEFG0123456789_abcdefghij",
        "xo" + "xb-" + "1234567890-0987654321-AbCdEfGhIj",
        "eyJ" + "hbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0" + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    };

    [Theory]
    [MemberData(nameof(ProviderTokens))]
    public void Detect_ProviderTokenFormat_IsReportedAsSecretWithExactSpan(string token) =>
        PiiAssert.SingleFinding($"Use {token} for the call.", PiiKind.Secret, token);

    [Fact]
    public void Detect_PemPrivateKey_CoversTheWholeBlock()
    {
        var key = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEowIBAAKCAQEA7v1x\nq2s3t4u5v6w7\n-----END RSA " + "PRIVATE KEY-----";

        PiiAssert.SingleFinding($"Here is my key:\n{key}\nthanks", PiiKind.Secret, key);
    }

    [Theory]
    [InlineData("api_key=", "Zx81kPq02LmWv7")]
    [InlineData("DB_PASSWORD=", "hunter2hunter2")]
    [InlineData("\"password\": \"", "correct-horse-42")]
    [InlineData("client_secret: ", "s3cr3t-v4lue-x")]
    public void Detect_CredentialAssignment_ReportsOnlyTheValue(string assignment, string value) =>
        PiiAssert.SingleFinding($"config {assignment}{value}\"", PiiKind.Secret, value);

    [Theory]
    [InlineData("password=short")]
    [InlineData("api_key=${OPENAI_API_KEY}")]
    [InlineData("password: ********")]
    [InlineData("api_key=<your-key-here>")]
    [InlineData("sk-tooshort")]
    public void Detect_ShortOrPlaceholderCredential_IsNotReported(string text) =>
        PiiAssert.NoFindings($"config {text} end");

    [Fact]
    public void Detect_PasswordThatIsAnEmail_IsReportedOnceAsSecret() =>
        PiiAssert.SingleFinding("login with password=alice@example.com today", PiiKind.Secret, "alice@example.com");
}
