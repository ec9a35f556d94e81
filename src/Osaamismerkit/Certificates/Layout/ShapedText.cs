namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// A line of text as it will be printed, with its width from HarfBuzz. The PDF writer draws the same characters with
/// the same advances (kerning is off in both), so a line measured here is the line on paper.
/// </summary>
internal sealed record ShapedText(string Text, float Width);
