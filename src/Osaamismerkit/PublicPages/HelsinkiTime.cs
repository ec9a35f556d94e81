namespace Osaamismerkit.PublicPages;

/// <summary>Dates and times on public pages are shown as people in North Karelia read them: Finnish time.</summary>
public static class HelsinkiTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTimeOffset Of(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    /// <summary>
    /// The day it is in Finland at <paramref name="now"/>: the "today" of forms and of the rule that a date may not be in
    /// the future. The UTC date is a day behind from midnight to 02:00/03:00 Finnish time, so a form filled with the
    /// Finnish date would be refused as a future one.
    /// </summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Of(now).DateTime);
}
