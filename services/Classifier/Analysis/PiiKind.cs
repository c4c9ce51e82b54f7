namespace HybridLlm.Classifier.Analysis;

/// <summary>The kinds of personal or secret data the classifier recognises.</summary>
public enum PiiKind
{
    /// <summary>Not set; never produced by the detector.</summary>
    Unspecified = 0,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A telephone number in international (+CC) or common national notation.</summary>
    Phone,

    /// <summary>A 13–19 digit payment card number that passes the Luhn check.</summary>
    PaymentCard,

    /// <summary>An IBAN whose ISO 13616 mod-97 check digits verify.</summary>
    Iban,

    /// <summary>A US social security number outside the never-issued ranges.</summary>
    UsSsn,

    /// <summary>An IPv4 or IPv6 address.</summary>
    IpAddress,

    /// <summary>An API key, access token, private key or password assignment.</summary>
    Secret,
}
