using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.ClientMessages;

/// <summary>
/// Messages to clients (section "Messages"). Without <see cref="SmtpHost"/> nothing is sent: messages wait in the
/// outbox and start-up says so, so that a server configured later sends what was queued.
/// </summary>
public sealed class MessageOptions : IValidatableObject
{
    public const string Section = "Messages";

    /// <summary>The SMTP server; empty means no sending.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "Messages:SmtpPort must be a TCP port, 1–65535.")]
    public int SmtpPort { get; set; } = 587;

    /// <summary>MailKit's SecureSocketOptions: None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    [AllowedValues("None", "Auto", "StartTls", "StartTlsWhenAvailable", "SslOnConnect",
        ErrorMessage = "Messages:SmtpSecurity must be None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.")]
    public string SmtpSecurity { get; set; } = "StartTls";

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender's address; required with a server. Its domain is also the Message-ID's.</summary>
    [EmailAddress(ErrorMessage = "Messages:From must be an e-mail address.")]
    public string? From { get; set; }

    public string FromName { get; set; } = "Siun sote – Osaamismerkit";

    /// <summary>Attempts before a message that keeps failing for a passing reason is marked failed.</summary>
    [Range(1, 50, ErrorMessage = "Messages:MaxAttempts must be 1–50.")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each further one twice as long, at most six hours.</summary>
    [Range(1, 3600, ErrorMessage = "Messages:RetryBaseSeconds must be 1–3600.")]
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>How long a worker holds a message it is sending; a worker that dies leaves it due again after this.</summary>
    [Range(1, 3600, ErrorMessage = "Messages:SendLeaseSeconds must be 1–3600.")]
    public int SendLeaseSeconds { get; set; } = 120;

    /// <summary>How often the worker looks for due messages and expiring badges when nothing wakes it.</summary>
    [Range(1, 3600, ErrorMessage = "Messages:PollSeconds must be 1–3600.")]
    public int PollSeconds { get; set; } = 30;

    [Range(1, 600, ErrorMessage = "Messages:SmtpTimeoutSeconds must be 1–600.")]
    public int SmtpTimeoutSeconds { get; set; } = 60;

    public bool SendingConfigured => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SendingConfigured && string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("Messages:From is required when Messages:SmtpHost is set.", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(SmtpUserName) && string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("Messages:SmtpPassword is required with Messages:SmtpUserName.", [nameof(SmtpPassword)]);
        }

        if (string.IsNullOrEmpty(SmtpUserName) && !string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("Messages:SmtpUserName is required with Messages:SmtpPassword.", [nameof(SmtpUserName)]);
        }

        // A URL or "host:port" here would be looked up as a host name and fail only at the first message, hours later.
        if (SendingConfigured && Uri.CheckHostName(SmtpHost!.Trim()) == UriHostNameType.Unknown)
        {
            yield return new ValidationResult(
                "Messages:SmtpHost must be a host name or IP address only, without scheme or port (the port is Messages:SmtpPort).", [nameof(SmtpHost)]);
        }

        // Port 465 speaks TLS from the first byte and 25/587 begin in plain text: the wrong pairing hangs until the timeout.
        if (SendingConfigured && SmtpPort == 465 && SmtpSecurity is "None" or "StartTls" or "StartTlsWhenAvailable")
        {
            yield return new ValidationResult("Messages:SmtpSecurity must be SslOnConnect or Auto for Messages:SmtpPort 465 (implicit TLS).", [nameof(SmtpSecurity)]);
        }

        if (SendingConfigured && SmtpPort is 25 or 587 && SmtpSecurity == "SslOnConnect")
        {
            yield return new ValidationResult(
                $"Messages:SmtpSecurity SslOnConnect does not fit Messages:SmtpPort {SmtpPort}, which starts in plain text: use StartTls.", [nameof(SmtpSecurity)]);
        }

        // The password would cross the network in the clear.
        if (SendingConfigured && !string.IsNullOrEmpty(SmtpUserName) && SmtpSecurity is "None" or "StartTlsWhenAvailable")
        {
            yield return new ValidationResult(
                "Messages:SmtpSecurity must require TLS (StartTls, SslOnConnect or Auto) when Messages:SmtpUserName is set.", [nameof(SmtpSecurity)]);
        }

        // A lease that ends while the server is still being waited for lets a second worker send the same message.
        if (SendLeaseSeconds <= SmtpTimeoutSeconds)
        {
            yield return new ValidationResult(
                $"Messages:SendLeaseSeconds ({SendLeaseSeconds}) must be longer than Messages:SmtpTimeoutSeconds ({SmtpTimeoutSeconds}).", [nameof(SendLeaseSeconds)]);
        }

        if (string.IsNullOrWhiteSpace(FromName) || FromName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            yield return new ValidationResult("Messages:FromName must be a name on one line.", [nameof(FromName)]);
        }
    }
}
