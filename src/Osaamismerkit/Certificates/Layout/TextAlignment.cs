namespace Osaamismerkit.Certificates.Layout;

internal enum TextAlignment
{
    Left,
    Center,
    Right,
}
