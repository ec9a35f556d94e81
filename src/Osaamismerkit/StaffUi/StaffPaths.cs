namespace Osaamismerkit.StaffUi;

/// <summary>The staff pages' addresses in one place, so links and endpoints cannot drift apart.</summary>
public static class StaffPaths
{
    public const string Home = "/staff";
    public const string Clients = "/staff/clients";
    public const string NewClient = "/staff/clients/new";
    public const string Reports = "/staff/reports";
    public const string SignOut = "/staff/sign-out";
    public const string GroupForm = "/staff/group/record";

    public static string Client(string clientId) => $"/staff/clients/{clientId}";

    public static string Record(string clientId) => $"/staff/clients/{clientId}/record";

    public static string RecordBadge(string clientId, string badgeId) => $"/staff/clients/{clientId}/record/{badgeId}";

    /// <summary>The group's first step, with a badge and clients already chosen when coming back to change them.</summary>
    public static string GroupChoose(string? badgeId, IEnumerable<string> clientIds)
    {
        var query = clientIds.Select(id => "client=" + Uri.EscapeDataString(id)).Prepend(badgeId is null ? null : "badgeId=" + Uri.EscapeDataString(badgeId)).OfType<string>().ToList();
        return query.Count == 0 ? "/staff/group" : "/staff/group?" + string.Join('&', query);
    }

    public static string Assessment(string clientId, string assessmentId) => $"/staff/clients/{clientId}/assessments/{assessmentId}";

    public static string Revoke(string clientId, string assertionId) => $"/staff/clients/{clientId}/badges/{assertionId}/revoke";

    public static string WalletLink(string clientId) => $"/staff/clients/{clientId}/wallet-link";

    public static string Baseline(string clientId) => $"/staff/clients/{clientId}/baseline";

    public static string Certificate(string clientId, string assertionId) => $"/api/clients/{clientId}/certificates/{assertionId}";

    public static string Certificates(string clientId) => $"/api/clients/{clientId}/certificates";

    public static string BadgeImage(string badgeId) => $"/badges/{badgeId}/image.png";
}
