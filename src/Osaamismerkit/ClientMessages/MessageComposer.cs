using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Resources;

namespace Osaamismerkit.ClientMessages;

/// <summary>
/// Writes one message in the client's language: the badge's name, for an expiring badge its last day, and the link to
/// the client's own wallet — nothing from the evidence or the instructor's notes, nothing the public page does not show.
/// HTML for mail programs that show it (lang, title, one column, real link text) and the same words as plain text.
/// </summary>
public sealed class MessageComposer(IOptions<MessageOptions> options, IOptions<IssuerOptions> issuer)
{
    private static readonly ResourceManager Texts = new(typeof(MessageTexts));

    public MimeMessage Compose(OutboxMessage message, string email, string walletLink, string badgeName, DateTimeOffset? expires)
    {
        var culture = CultureInfo.GetCultureInfo(message.Language);
        string T(string name) => Texts.GetString(name, culture) ?? throw new InvalidOperationException($"Message text {name} is missing.");

        var subject = T(Capitalised(message.Kind) + "Subject");
        var lastDay = expires is { } e ? HelsinkiTime.Of(e).ToString("d.M.yyyy", culture) : string.Empty;
        var body = string.Format(culture, T(Capitalised(message.Kind) + "Body"), badgeName, lastDay).Split("\n\n");
        var closing = string.Format(culture, T("Closing"), issuer.Value.Name).Split('\n');

        var text = new StringBuilder()
            .AppendLine(T("Greeting")).AppendLine();
        foreach (var paragraph in body)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        text.AppendLine(T("LinkIntro")).AppendLine(walletLink).AppendLine(T("LinkPrivate")).AppendLine()
            .AppendLine(string.Join(Environment.NewLine, closing)).AppendLine().AppendLine(T("RefuseHint"));

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{message.Language}\"><head><meta charset=\"utf-8\">")
            .Append(CultureInfo.InvariantCulture, $"<meta name=\"viewport\" content=\"width=device-width\"><title>{H(subject)}</title></head>")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#ffffff;max-width:36em;margin:0 auto;padding:16px\">")
            .Append(CultureInfo.InvariantCulture, $"<p>{H(T("Greeting"))}</p>");
        foreach (var paragraph in body)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{H(paragraph)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{H(T("LinkIntro"))}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{H(walletLink)}\" style=\"color:#005a78;font-weight:bold\">{H(T("LinkText"))}</a></p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:16px;word-break:break-all\">{H(walletLink)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>{H(T("LinkPrivate"))}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>{string.Join("<br>", closing.Select(H))}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:16px\">{H(T("RefuseHint"))}</p>")
            .Append("</body></html>");

        var o = options.Value;
        var mime = new MimeMessage { Subject = subject };
        mime.From.Add(new MailboxAddress(o.FromName, o.From ?? throw new InvalidOperationException("Messages:From is not set.")));
        mime.To.Add(MailboxAddress.Parse(email));
        // One Message-ID per outbox row, the same on every attempt: a resend after a crash is recognisably the same message.
        mime.MessageId = MessageIdOf(message.Id, o.From);
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        // Content-* headers belong to the body in MIME (MimeKit moves them there): set after the body is made.
        mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Language);
        return mime;
    }

    public static string MessageIdOf(string outboxId, string? from) =>
        $"{outboxId}@{(from?.Split('@') is [_, var domain] ? domain : "osaamismerkit.invalid")}";

    private static string H(string value) => WebUtility.HtmlEncode(value);

    private static string Capitalised(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];
}
