using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Certificates;

/// <summary>
/// A two-column table of labels and values in the flow; a row never splits across pages. Each label is a header cell
/// for its row, so a screen reader announces "Issued on" before the date. The caller opens and closes the Table.
/// </summary>
internal sealed class DetailsTable(CertificateContext context, Flow flow, float width, TextStyle body)
{
    private readonly float labelWidth = Math.Min(150, width * 0.32f);

    public void Row(string label, string value)
    {
        var left = Paper.ContentLeft;
        var labelStyle = context.Label.WithSize(body.Size - 0.5f);
        var labelText = TextBlock.Create(labelStyle, label, labelWidth - 8);
        var valueText = TextBlock.Create(body, value, width - labelWidth);
        var height = Math.Max(labelText.Height, valueText.Height) + 3;
        // Label and value share a baseline although their sizes differ.
        var labelShift = body.BaselineOffset - labelStyle.BaselineOffset;
        flow.Ensure(height);
        var top = flow.Y;
        flow.Page.Add(c =>
        {
            c.Begin("TR");
            c.HeaderCell("Row", () => labelText.Draw(c, left, top + 1.5f + labelShift));
            c.Tagged("TD", () => valueText.Draw(c, left + labelWidth, top + 1.5f));
            c.End();
            c.Rule(left, top + height, left + width, Palette.Rule, 0.3f);
        });
        flow.Y += height;
    }
}
