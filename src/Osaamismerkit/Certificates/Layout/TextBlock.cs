using System.Globalization;
using System.Text;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// A paragraph wrapped to a width. Lines break after spaces, hyphens, dashes and slashes, and at soft hyphens
/// (U+00AD, printed as "-" only where the line breaks); a word wider than the whole line, such as a very long
/// Finnish compound, breaks between letters as a last resort so that nothing is ever cut off.
/// </summary>
internal sealed class TextBlock
{
    private const char SoftHyphen = '\u00AD';

    private readonly IReadOnlyList<ShapedText> lines;

    private TextBlock(TextStyle style, IReadOnlyList<string> texts, IReadOnlyList<ShapedText> lines)
    {
        Style = style;
        Texts = texts;
        this.lines = lines;
    }

    public TextStyle Style { get; }

    /// <summary>The text of each line as printed.</summary>
    public IReadOnlyList<string> Texts { get; }

    public int LineCount => lines.Count;

    public float Height => lines.Count * Style.LineHeight;

    public float Width => lines.Count == 0 ? 0 : lines.Max(l => l.Width);

    public static TextBlock Create(TextStyle style, string text, float width)
    {
        var texts = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            texts.AddRange(Wrap(style, paragraph.Trim(), width));
        }

        return new TextBlock(style, texts, texts.Select(t => style.Face.Shape(t, style.Size)).ToList());
    }

    /// <summary>Draws one line from the top of its line box, for text that may continue on the next page.</summary>
    public void DrawLine(PdfCanvas canvas, int index, float x, float top) =>
        canvas.Text(Style, Extracted(index), x, top + Style.BaselineOffset);

    /// <summary>Draws from the top of the first line box; returns the height used.</summary>
    public float Draw(PdfCanvas canvas, float x, float top, TextAlignment alignment = TextAlignment.Left, float width = 0)
    {
        var y = top;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var left = alignment switch
            {
                TextAlignment.Right => x + width - line.Width,
                TextAlignment.Center => x + (width - line.Width) / 2,
                _ => x,
            };
            canvas.Text(Style, Extracted(i), left, y + Style.BaselineOffset);
            y += Style.LineHeight;
        }

        return Height;
    }

    /// <summary>
    /// A line as it goes into the PDF: with the space it broke at kept (invisible at the line's end), so that a reader
    /// that joins lines, as the tagged structure and screen readers do, reads "ja maksaa" and not "jamaksaa".
    /// </summary>
    private string Extracted(int index)
    {
        var text = lines[index].Text;
        return index < lines.Count - 1 && text.Length > 0 && text[^1] is not ('-' or '/' or '–' or '—') ? text + " " : text;
    }

    private static List<string> Wrap(TextStyle style, string text, float width)
    {
        var result = new List<string>();
        if (text.Length == 0)
        {
            result.Add(string.Empty);
            return result;
        }

        var line = new StringBuilder();
        foreach (var segment in Segments(text))
        {
            var candidate = line + segment;
            if (line.Length == 0 || Fits(style, candidate, width))
            {
                line.Append(segment);
            }
            else
            {
                result.Add(Finish(line.ToString()));
                line.Clear().Append(segment.TrimStart());
            }

            // A single segment wider than the line: break it between letters.
            while (!Fits(style, line.ToString(), width) && Visible(line.ToString()).Length > 1)
            {
                var length = LongestFittingPrefix(style, line.ToString(), width);
                result.Add(Visible(line.ToString(0, length)));
                line.Remove(0, length);
            }
        }

        var last = Visible(line.ToString()).TrimEnd();
        if (last.Length > 0 || result.Count == 0)
        {
            result.Add(last);
        }

        return result;
    }

    private static bool Fits(TextStyle style, string candidate, float width) =>
        style.Face.Measure(Finish(candidate), style.Size) <= width + 0.01f;

    /// <summary>A finished line drops its trailing spaces and prints a soft hyphen it ends on as a hyphen.</summary>
    private static string Finish(string line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.EndsWith(SoftHyphen)
            ? Visible(trimmed[..^1]) + "-"
            : Visible(trimmed);
    }

    private static string Visible(string text) => text.Replace(SoftHyphen.ToString(), string.Empty, StringComparison.Ordinal);

    /// <summary>The length of the longest prefix of whole letters that fits, at least one letter.</summary>
    private static int LongestFittingPrefix(TextStyle style, string text, float width)
    {
        var boundaries = new List<int>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            boundaries.Add(enumerator.ElementIndex + enumerator.GetTextElement().Length);
        }

        var best = boundaries[0];
        int low = 0, high = boundaries.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (Fits(style, text[..boundaries[mid]], width))
            {
                best = boundaries[mid];
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return best;
    }

    /// <summary>Splits after each break opportunity, keeping the break character with the text before it.</summary>
    private static IEnumerable<string> Segments(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var breakAfter = c is ' ' or SoftHyphen or '/'
                || (c is '–' or '—' && next != ' ')
                || (c == '-' && i > 0 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(next));
            if (breakAfter && (c != ' ' || next != ' '))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
