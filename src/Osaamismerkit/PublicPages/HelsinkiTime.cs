namespace Osaamismerkit.PublicPages;

/// <summary>Dates and times on public pages are shown as people in North Karelia read them: Finnish time.</summary>
public static class HelsinkiTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTimeOffset Of(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);
}
