using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Osaamismerkit.PublicPages;

/// <summary>
/// Bakes a signed assertion into a PNG as one uncompressed iTXt chunk with keyword "openbadges" (Open Badges
/// 2.0 baking) or a credential with keyword "openbadgecredential" (Open Badges 3.0 §5.3), and reads it back. Every
/// chunk's CRC is checked and sizes are bounded, since uploads are untrusted.
/// </summary>
public static class PngBadge
{
    public const int MaxChunkLength = 1 << 20;

    public const string Ob2Keyword = "openbadges";

    public const string Ob3Keyword = "openbadgecredential";

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// <paramref name="text"/> under <paramref name="keyword"/>: for OB 3.0 the VC-JWT's compact form, which the spec
    /// allows beside the credential's JSON and which is what most verifiers read.
    /// </summary>
    public static byte[] Bake(ReadOnlySpan<byte> png, string text, string keyword = Ob2Keyword)
    {
        var chunks = Read(png) ?? throw new ArgumentException("Not a valid PNG.", nameof(png));
        using var output = new MemoryStream(png.Length + text.Length + 64);
        output.Write(Signature);
        foreach (var chunk in chunks.Where(c => !IsBaked(c, keyword)))
        {
            Write(output, chunk.Type, chunk.Data);
            if (chunk.Type == "IHDR")
            {
                Write(output, "iTXt", ITxt(keyword, text));
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// The baked assertion or credential (a JWS, a hosted URL or a credential's JSON), or null if the PNG is broken or
    /// holds none or several. An OB 2.0 and an OB 3.0 chunk together count as several: which badge was meant is unclear.
    /// </summary>
    public static string? Extract(ReadOnlySpan<byte> png)
    {
        var baked = Read(png)?.Where(c => IsBaked(c, Ob2Keyword) || IsBaked(c, Ob3Keyword)).ToList();
        if (baked is not { Count: 1 })
        {
            return null;
        }

        var data = baked[0].Data;
        var keywordEnd = Array.IndexOf(data, (byte)0);
        if (baked[0].Type == "tEXt")
        {
            return Encoding.Latin1.GetString(data, keywordEnd + 1, data.Length - keywordEnd - 1);
        }

        // iTXt: keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
        if (data.Length < keywordEnd + 3 || data[keywordEnd + 1] != 0)
        {
            return null;
        }

        var languageEnd = Array.IndexOf(data, (byte)0, keywordEnd + 3);
        var translatedEnd = languageEnd < 0 ? -1 : Array.IndexOf(data, (byte)0, languageEnd + 1);
        return translatedEnd < 0 ? null : Encoding.UTF8.GetString(data, translatedEnd + 1, data.Length - translatedEnd - 1);
    }

    private static bool IsBaked(PngChunk chunk, string keyword) =>
        chunk.Type is "iTXt" or "tEXt"
        && chunk.Data.Length > keyword.Length
        && chunk.Data[keyword.Length] == 0
        && Encoding.Latin1.GetString(chunk.Data, 0, keyword.Length) == keyword;

    private static byte[] ITxt(string chunkKeyword, string text)
    {
        var keyword = Encoding.Latin1.GetBytes(chunkKeyword);
        var body = Encoding.UTF8.GetBytes(text);
        var data = new byte[keyword.Length + 5 + body.Length];
        keyword.CopyTo(data, 0);
        // Null separator, compression flag 0 (uncompressed), method 0, empty language tag and translated keyword.
        body.CopyTo(data, keyword.Length + 5);
        return data;
    }

    private static List<PngChunk>? Read(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            return null;
        }

        var chunks = new List<PngChunk>();
        var position = Signature.Length;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[position..]);
            if (length > MaxChunkLength || position + 12 + length > png.Length)
            {
                return null;
            }

            var typeAndData = png.Slice(position + 4, 4 + (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(position + 8 + (int)length)..]);
            if (Crc32.HashToUInt32(typeAndData) != crc)
            {
                return null;
            }

            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            chunks.Add(new PngChunk(type, typeAndData[4..].ToArray()));
            position += 12 + (int)length;
            if (type == "IEND")
            {
                return chunks.Count > 1 && chunks[0].Type == "IHDR" ? chunks : null;
            }
        }

        return null;
    }

    private static void Write(Stream output, string type, byte[] data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(header[4..]);
        crc.Append(data);
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, crc.GetCurrentHashAsUInt32());
        output.Write(trailer);
    }

    private sealed record PngChunk(string Type, byte[] Data);
}
