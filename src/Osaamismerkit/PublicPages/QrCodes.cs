using System.Globalization;
using System.Text;
using QRCoder;

namespace Osaamismerkit.PublicPages;

/// <summary>
/// QR codes for public badge URLs. The SVG is one path of dark modules (small, sharp at any size, no inline styles);
/// error correction M survives a scratched phone screen or a crumpled printout.
/// </summary>
public static class QrCodes
{
    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!matrix[y][x])
                {
                    continue;
                }

                var run = 1;
                while (x + run < size && matrix[y][x + run])
                {
                    run++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v1h-{run}z");
                x += run - 1;
            }
        }

        var side = size.ToString(CultureInfo.InvariantCulture);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" shape-rendering="crispEdges"><rect width="{side}" height="{side}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }

    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }
}
