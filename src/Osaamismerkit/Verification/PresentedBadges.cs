using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Osaamismerkit.PublicPages;

namespace Osaamismerkit.Verification;

/// <summary>
/// Reads what a verifier presents: a baked PNG or SVG or a certificate PDF (multipart upload or raw body), a bare JWS, or
/// JSON {"jws": "..."}. What a file is comes from its first bytes, not from the name or type it was sent with; a file sent
/// as application/pdf must be one. Uploads are untrusted: the size is capped before anything is parsed, and every failure is a 4xx, never an exception.
/// </summary>
public static partial class PresentedBadges
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private const string PdfType = "application/pdf";

    private const int MultipartOverhead = 64 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly FormOptions UploadLimits = new()
    {
        MultipartBodyLengthLimit = MaxBytes + MultipartOverhead,
        ValueCountLimit = 16,
        ValueLengthLimit = MaxBytes,
        MultipartHeadersLengthLimit = 16 * 1024,
    };

    public static async Task<PresentedBadge> ReadAsync(HttpRequest request, string publicBaseUrl, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes + MultipartOverhead)
        {
            return TooLarge;
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        try
        {
            if (mediaType == "multipart/form-data")
            {
                return await FromFormAsync(request, publicBaseUrl, cancellationToken);
            }

            var body = await ReadCappedAsync(request.Body, cancellationToken);
            if (body is null)
            {
                return TooLarge;
            }

            if (body.Length == 0)
            {
                return Missing;
            }

            return mediaType is "application/json" || (mediaType?.EndsWith("+json", StringComparison.Ordinal) ?? false)
                ? FromJson(body, publicBaseUrl)
                : FromBytes(body, publicBaseUrl, mediaType);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? TooLarge : Unreadable;
        }
    }

    /// <summary>The baked value: a compact JWS (signed badge) or the URL of an assertion hosted here.</summary>
    public static PresentedBadge FromValue(string? value, string publicBaseUrl)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return NoBadge;
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var match = HostedAssertionPath().Match(uri.AbsolutePath);
            var ours = trimmed.StartsWith(publicBaseUrl.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);
            return ours && match.Success && Guid.TryParse(match.Groups["id"].Value, out var hosted) ? new PresentedBadge(null, hosted) : Unknown;
        }

        if (trimmed.StartsWith('{'))
        {
            return FromJson(Encoding.UTF8.GetBytes(trimmed), publicBaseUrl);
        }

        return !CompactJws().IsMatch(trimmed) || AssertionIdOf(trimmed) is null ? Malformed
            : CredentialVerifier.IsVcJwt(trimmed) ? PresentedBadge.Ob3(trimmed)
            : new PresentedBadge(trimmed, null);
    }

    /// <summary>The assertion id inside a JWS payload, without trusting the signature yet.</summary>
    public static Guid? AssertionIdOf(string jws)
    {
        try
        {
            var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(jws.Split('.')[1]);
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { } value && value.StartsWith("urn:uuid:", StringComparison.Ordinal)
                && Guid.TryParse(value["urn:uuid:".Length..], out var guid)
                ? guid
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    private static async Task<PresentedBadge> FromFormAsync(HttpRequest request, string publicBaseUrl, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(UploadLimits, cancellationToken);
        var presented = await FromFormFieldsAsync(form, publicBaseUrl, cancellationToken);
        return presented.IsProblem ? presented : presented with { Recipient = form["recipient"].ToString() };
    }

    private static async Task<PresentedBadge> FromFormFieldsAsync(IFormCollection form, string publicBaseUrl, CancellationToken cancellationToken)
    {
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        // A browser sends an empty file part when only the text field of the verify page was filled in.
        if (file is null || (file.Length == 0 && !string.IsNullOrWhiteSpace(form["jws"])))
        {
            return string.IsNullOrWhiteSpace(form["jws"]) ? Missing : FromValue(form["jws"], publicBaseUrl);
        }

        if (file.Length > MaxBytes)
        {
            return TooLarge;
        }

        await using var stream = file.OpenReadStream();
        var bytes = await ReadCappedAsync(stream, cancellationToken);
        var declared = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type.MediaType.Value?.ToLowerInvariant() : null;
        return bytes is null ? TooLarge : bytes.Length == 0 ? Missing : FromBytes(bytes, publicBaseUrl, declared);
    }

    private static PresentedBadge FromJson(byte[] body, string publicBaseUrl)
    {
        try
        {
            if (Ob3CredentialIn(body) is { } ob3)
            {
                return ob3;
            }

            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("jws", out var jws) && jws.ValueKind == JsonValueKind.String
                ? FromValue(jws.GetString(), publicBaseUrl) with { Recipient = RecipientOf(document.RootElement) }
                : Missing;
        }
        catch (JsonException)
        {
            return Unreadable;
        }
    }

    // An Open Badges 3.0 credential with its proof, posted as it is, or inside {"credential": …}.
    // A body with a duplicate key is not taken as a credential: a signed document whose meaning
    // depends on which duplicate wins must not be verified as one.
    private static PresentedBadge? Ob3CredentialIn(byte[] body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body, documentOptions: CredentialVerifier.Strict) is System.Text.Json.Nodes.JsonObject json
                && (json["credential"] as System.Text.Json.Nodes.JsonObject ?? json) is { } credential
                && CredentialVerifier.IsSecuredCredential(credential)
                ? PresentedBadge.Ob3(credential.ToJsonString()) with { Recipient = json["recipient"] is System.Text.Json.Nodes.JsonValue r && r.TryGetValue<string>(out var s) ? s : null }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? RecipientOf(JsonElement body) =>
        body.TryGetProperty("recipient", out var recipient) && recipient.ValueKind == JsonValueKind.String ? recipient.GetString() : null;

    private static PresentedBadge FromBytes(byte[] bytes, string publicBaseUrl, string? declaredType)
    {
        if (UploadedPdf.IsPdf(bytes))
        {
            return new PresentedBadge(null, null) { Pdf = bytes };
        }

        if (declaredType == PdfType)
        {
            return NotPdf;
        }

        if (bytes.AsSpan().StartsWith(PngSignature))
        {
            return PngBadge.Extract(bytes) is { } baked ? FromValue(baked, publicBaseUrl) : NoBadge;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF').Trim();
        }
        catch (DecoderFallbackException)
        {
            return Unsupported;
        }

        if (text.StartsWith('<'))
        {
            return SvgBadge.Extract(text) is { } baked ? FromValue(baked, publicBaseUrl) : NoBadge;
        }

        return CompactJws().IsMatch(text) ? FromValue(text, publicBaseUrl) : Unsupported;
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static PresentedBadge NotPdf => PresentedBadge.Problem(StatusCodes.Status415UnsupportedMediaType, "VerifyNotPdf");

    private static PresentedBadge TooLarge => PresentedBadge.Problem(StatusCodes.Status413PayloadTooLarge, "VerifyTooLarge");

    private static PresentedBadge Missing => PresentedBadge.Problem(StatusCodes.Status400BadRequest, "VerifyMissing");

    private static PresentedBadge Unreadable => PresentedBadge.Problem(StatusCodes.Status400BadRequest, "VerifyUnreadable");

    private static PresentedBadge Unsupported => PresentedBadge.Problem(StatusCodes.Status415UnsupportedMediaType, "VerifyUnsupported");

    private static PresentedBadge NoBadge => PresentedBadge.Problem(StatusCodes.Status422UnprocessableEntity, "VerifyNoBadge");

    private static PresentedBadge Malformed => PresentedBadge.Problem(StatusCodes.Status422UnprocessableEntity, "VerifyMalformed");

    private static PresentedBadge Unknown => PresentedBadge.Problem(StatusCodes.Status404NotFound, "VerifyUnknown");

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")]
    private static partial Regex CompactJws();

    [GeneratedRegex(@"/ob/assertions/(?<id>[0-9a-fA-F-]{36})$")]
    private static partial Regex HostedAssertionPath();
}
