namespace HybridLlm.Classifier.Analysis;

/// <summary>Check-digit algorithms that separate real identifiers from digit-shaped noise.</summary>
internal static class Checksums
{
    /// <summary>Luhn (ISO/IEC 7812-1) over a run of ASCII digits.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary>
    /// ISO 13616 / ISO 7064 MOD 97-10 over a compact upper-case IBAN: the first four characters move to
    /// the end, letters become 10..35, and the resulting number must leave remainder 1.
    /// </summary>
    public static bool PassesIbanMod97(ReadOnlySpan<char> compactIban)
    {
        if (compactIban.Length < 5)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < compactIban.Length; i++)
        {
            var c = compactIban[(i + 4) % compactIban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>Copies the ASCII digits of <paramref name="text"/> into <paramref name="digits"/>; returns how many, or -1 if they do not fit.</summary>
    public static int CollectDigits(ReadOnlySpan<char> text, Span<char> digits)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (count == digits.Length)
            {
                return -1;
            }

            digits[count++] = c;
        }

        return count;
    }
}
