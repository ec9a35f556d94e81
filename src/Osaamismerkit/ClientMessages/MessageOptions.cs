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
    }
}
