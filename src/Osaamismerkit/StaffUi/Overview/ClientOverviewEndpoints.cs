using Microsoft.AspNetCore.Antiforgery;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Staff;
using Osaamismerkit.StaffUi.Baselines;
using Osaamismerkit.StaffUi.Forms;
using Osaamismerkit.Verification;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.StaffUi.Overview;

/// <summary>The client overview and the client's private wallet link.</summary>
public static class ClientOverviewEndpoints
{
    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["added"] = "NoticeClientAdded",
        ["revoked"] = "NoticeBadgeRevoked",
        ["baseline"] = "NoticeBaselineSaved",
    };

    public static RouteGroupBuilder MapClientOverview(this RouteGroupBuilder staff)
    {
        staff.MapGet("/clients/{clientId}", Overview).WithName("StaffClientOverview");
        staff.MapPost("/clients/{clientId}/wallet-link", WalletLink).WithName("StaffRotateWalletLink");
        return staff;
    }

    private static async Task<IResult> Overview(
        string clientId, HttpContext context, ClientOverviews overviews, StaffBaselines baselines, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        if (await overviews.FindAsync(clientId, context.User, cancellationToken) is not { } overview)
        {
            return StaffResults.NotFound(page);
        }

        var notice = Notices.FirstOrDefault(n => context.Request.Query[n.Key] == "1").Value;
        var baseline = await baselines.SummaryAsync(clientId, page.Text.Language, cancellationToken);
        return StaffResults.Page<ClientPage>(new { Page = page, Model = new ClientPageModel(overview, notice, baseline) });
    }

    /// <summary>A new private link, shown once as a QR code: only its hash is kept, so showing it again means making a new one.</summary>
    private static async Task<IResult> WalletLink(
        string clientId, HttpContext context, ClientAccess access, WalletLinks links, PublicUrls urls, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        if (await access.FindAsync(clientId, context.User, cancellationToken) is not { } client)
        {
            return StaffResults.NotFound(page);
        }

        var posted = await StaffForms.ReadAsync(context, antiforgery, cancellationToken);
        if (posted is not { Trusted: true })
        {
            return StaffResults.SeeOther(context, StaffPaths.Client(clientId));
        }

        context.Response.Headers.CacheControl = "no-store";
        if (await links.RotateAsync(clientId, context.User.ToActor(), cancellationToken) is not { } link)
        {
            return StaffResults.SeeOther(context, StaffPaths.Client(clientId));
        }

        var url = urls.Absolute(WalletPaths.Home(link.Token));
        return StaffResults.Page<WalletLinkPage>(new
        {
            Page = page,
            Model = new WalletLinkModel(client.Id, client.DisplayName, url, QrCodes.Svg(url), link.ReplacedPrevious),
        });
    }
}
