using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785), which JSON-LD 1.1 prescribes for the lexical form of rdf:JSON
/// literals: members sorted by UTF-16 code units, no white space, strings escaped as JSON.stringify does and
/// numbers written as ECMAScript writes them.
/// </summary>
internal static class JsonCanonicalization
{
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject map:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    Write(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                WriteScalar(builder, value);
                break;
        }
    }

    private static void WriteScalar(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(EcmaScriptNumber(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Number::toString of ECMAScript (§6.1.6.1.20): the shortest round-trip digits, placed by magnitude.</summary>
    internal static string EcmaScriptNumber(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new JsonLdException("JSON has no NaN or Infinity.");
        }

        if (number == 0)
        {
            return "0";
        }

        var sign = number < 0 ? "-" : string.Empty;
        var (digits, exponent) = Decompose(Math.Abs(number).ToString("R", CultureInfo.InvariantCulture));
        var k = digits.Length;
        var n = exponent;
        string result;
        if (k <= n && n <= 21)
        {
            result = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            result = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var exponentText = (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
            result = k == 1 ? digits + "e" + exponentText : digits[..1] + "." + digits[1..] + "e" + exponentText;
        }

        return sign + result;
    }

    /// <summary>The significant digits s and the exponent n with value = 0.s × 10^n, from .NET's shortest round-trip text.</summary>
    private static (string Digits, int Exponent) Decompose(string roundTrip)
    {
        var e = roundTrip.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? roundTrip : roundTrip[..e];
        var power = e < 0 ? 0 : int.Parse(roundTrip[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? string.Empty : mantissa[(point + 1)..];
        var allDigits = integerPart + fraction;
        var exponent = integerPart.Length + power;
        var leading = allDigits.Length - allDigits.TrimStart('0').Length;
        allDigits = allDigits.TrimStart('0');
        exponent -= leading;
        allDigits = allDigits.TrimEnd('0');
        return (allDigits, exponent);
    }
}
