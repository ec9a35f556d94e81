using PdfSharp.Drawing;
using QRCoder;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// A QR code drawn as one vector path of dark modules: sharp at any printer resolution, unlike a scaled bitmap.
/// Error correction M survives a crease or a smudge on paper.
/// </summary>
internal sealed class QrCodeGraphic
{
    // QRCoder's module matrix includes the standard quiet zone of 4 modules on each side.
    private const int QuietZone = 4;

    private readonly bool[,] modules;

    public QrCodeGraphic(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count - 2 * QuietZone;
        modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = matrix[y + QuietZone][x + QuietZone];
            }
        }
    }

    /// <summary>Modules per side, without the quiet zone.</summary>
    public int Size => modules.GetLength(0);

    /// <summary>
    /// Draws the code into a square of <paramref name="side"/> points, which must include the white quiet zone;
    /// call inside the figure that gives it its alternative text.
    /// </summary>
    public void Draw(PdfCanvas canvas, float left, float top, float side)
    {
        var module = side / (Size + 2 * QuietZone);
        var x0 = left + QuietZone * module;
        var y0 = top + QuietZone * module;

        var dark = new List<XRect>();
        for (var y = 0; y < Size; y++)
        {
            var x = 0;
            while (x < Size)
            {
                if (!modules[y, x])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < Size && modules[y, x])
                {
                    x++;
                }

                dark.Add(new XRect(x0 + start * module, y0 + y * module, (x - start) * module, module));
            }
        }

        canvas.FillRectangle(new XRect(left, top, side, side), Palette.White);
        canvas.FillRectangles(dark, XColors.Black);
    }
}
