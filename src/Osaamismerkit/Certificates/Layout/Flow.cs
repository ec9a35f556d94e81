namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// Places blocks top to bottom within the content area and starts a new page when the next block does not fit.
/// Each page may reserve its own bottom (the first page of a badge certificate keeps room for the verification box).
/// </summary>
internal sealed class Flow
{
    private readonly Func<int, float> topOf;
    private readonly Func<int, float> bottomOf;

    public Flow(Func<int, float> topOf, Func<int, float> bottomOf)
    {
        this.topOf = topOf;
        this.bottomOf = bottomOf;
        NewPage();
    }

    public List<PageContent> Pages { get; } = [];

    public PageContent Page => Pages[^1];

    public int PageIndex => Pages.Count - 1;

    public float Y { get; set; }

    public float Top => topOf(PageIndex);

    public float Bottom => bottomOf(PageIndex);

    public float Remaining => Bottom - Y;

    public void NewPage()
    {
        Pages.Add(new PageContent());
        Y = topOf(PageIndex);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits here, or the page is still empty.</summary>
    public void Ensure(float height)
    {
        if (Y + height > Bottom && Y > Top)
        {
            NewPage();
        }
    }

    public void Space(float height) => Y = Math.Min(Y + height, Bottom);
}
