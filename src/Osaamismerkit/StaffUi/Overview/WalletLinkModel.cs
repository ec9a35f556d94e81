namespace Osaamismerkit.StaffUi.Overview;

public sealed record WalletLinkModel(string ClientId, string ClientName, string Url, string QrSvg, bool ReplacedPrevious);
