using System.Globalization;
using System.Text;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// Canonical N-Quads (RDFC-1.0 §4 and RDF 1.2 N-Quads §4.3): ECHAR for \b \t \n \f \r " \, UCHAR with upper
/// case hex for the other control characters and DEL, and in IRIs UCHAR for the characters N-Quads forbids
/// there. Each quad ends with " .\n".
/// </summary>
internal static class NQuadsSerializer
{
    public static string Serialize(RdfQuad quad, Func<RdfTerm, string>? blankLabel = null)
    {
        var builder = new StringBuilder(128);
        Append(builder, quad.Subject, blankLabel);
        builder.Append(' ');
        Append(builder, quad.Predicate, blankLabel);
        builder.Append(' ');
        Append(builder, quad.Object, blankLabel);
        if (quad.Graph is not null)
        {
            builder.Append(' ');
            Append(builder, quad.Graph, blankLabel);
        }

        builder.Append(" .\n");
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, RdfTerm term, Func<RdfTerm, string>? blankLabel)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                AppendIri(builder, term.Value);
                break;
            case RdfTermKind.BlankNode:
                builder.Append("_:").Append(blankLabel is null ? term.Value : blankLabel(term));
                break;
            default:
                builder.Append('"');
                AppendLiteralText(builder, term.Value);
                builder.Append('"');
                if (term.Datatype == RdfTerm.RdfLangString)
                {
                    if (!string.IsNullOrEmpty(term.Language))
                    {
                        builder.Append('@').Append(term.Language);
                    }
                }
                else if (term.Datatype != RdfTerm.XsdString)
                {
                    AppendIriWithBrackets(builder, term.Datatype!);
                }

                break;
        }
    }

    private static void AppendIriWithBrackets(StringBuilder builder, string iri)
    {
        builder.Append("^^");
        AppendIri(builder, iri);
    }

    private static void AppendIri(StringBuilder builder, string iri)
    {
        builder.Append('<');
        foreach (var c in iri)
        {
            if (c <= 0x20 || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                AppendUchar(builder, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('>');
    }

    private static void AppendLiteralText(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        AppendUchar(builder, c);
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }

    private static void AppendUchar(StringBuilder builder, char c)
    {
        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
    }
}
