using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Assessments;

/// <summary>
/// Assessments from a spreadsheet: one row per client (the client's id, one column per criterion of the badge, optionally
/// the client's own statement), every row through <see cref="AssessmentRecorder"/> in its own transaction — or, in a dry
/// run, through its preview, which writes nothing. A bad row is reported by row and column and never stops the good ones.
/// <para>
/// What Excel saves with Finnish regional settings: "CSV UTF-8" is UTF-8 with a byte order mark, "CSV (semicolon
/// delimited)" (CSV (luetteloerotin)) is Windows-1252 without one; both separate with ";" because that is the Finnish list
/// separator. Other tools write ","; the separator is read from the heading line. Bytes that are not UTF-8 are read as
/// Windows-1252, so ä, ö and å survive either way.
/// </para>
/// </summary>
public sealed class AssessmentImport(AssessmentRecorder recorder, Catalogue.BadgeCatalogue catalogue, IStringLocalizer<Messages> text)
{
    public const int MaxRows = 500;

    private static readonly string[] ClientHeadings = ["client", "clientid", "asiakas", "klient"];
    private static readonly string[] StatementHeadings = ["statement", "lausunto", "utlåtande"];
    private static readonly string[] Yes = ["x", "1", "kyllä", "k", "ja", "j", "yes", "y", "true"];
    private static readonly string[] No = ["", "0", "ei", "e", "nej", "n", "no", "false", "-"];

    static AssessmentImport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<ImportRecording> ImportAsync(byte[] file, ImportParameters parameters, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var badge = parameters.BadgeId is null ? null : catalogue.Find(parameters.BadgeId);
        if (badge is null)
        {
            errors.Add("badgeId", text["BadgeNotFound", parameters.BadgeId ?? string.Empty]);
        }

        if (key is { Length: > GroupRecorder.MaxGroupKeyLength })
        {
            errors.Add("Idempotency-Key", text["GroupKeyTooLong", GroupRecorder.MaxGroupKeyLength]);
        }

        var (content, encoding) = Decode(file);
        var separator = content.Split('\n', 2)[0] is var heading && heading.Count(c => c == ';') >= heading.Count(c => c == ',') ? ";" : ",";
        if (errors.Any || badge is null)
        {
            return new ImportRecording.Unreadable(errors.ToDictionary());
        }

        using var csv = CsvReader.Create(new StringReader(content), new CsvReaderOptions
        {
            Separator = separator[0],
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
        });
        csv.ReadHeader();
        if (csv.Headers is not { Count: > 0 } read)
        {
            errors.Add("file", text["ImportEmpty"]);
            return new ImportRecording.Unreadable(errors.ToDictionary());
        }

        var headings = read.ToArray();
        var columns = ColumnsOf(headings, badge, errors);
        if (errors.Any)
        {
            return new ImportRecording.Unreadable(errors.ToDictionary());
        }

        var fileKey = key ?? "csv-" + Convert.ToHexStringLower(SHA256.HashData(file))[..16];
        var rows = new List<ImportRowResult>();
        // Row numbers as the spreadsheet shows them: the heading is row 1.
        var row = 1;
        while (csv.Read())
        {
            if (rows.Count == MaxRows)
            {
                errors.Add("file", text["ImportTooManyRows", MaxRows]);
                return new ImportRecording.Unreadable(errors.ToDictionary());
            }

            rows.Add(await RowAsync(csv, ++row, columns, badge, parameters, user, fileKey, cancellationToken));
        }

        return new ImportRecording.Done(new ImportResult(
            parameters.DryRun, separator, encoding, rows,
            rows.Count(r => r.Status == GroupMemberResult.Issued), rows.Count(r => r.Status == GroupMemberResult.Progress),
            rows.Count(r => r.Status == GroupMemberResult.Refused), rows.Count(r => r.Status == GroupMemberResult.Invalid)));
    }

    private async Task<ImportRowResult> RowAsync(
        CsvReader csv, int row, Columns columns, Catalogue.BadgeDefinition badge, ImportParameters parameters, ClaimsPrincipal user, string fileKey,
        CancellationToken cancellationToken)
    {
        var cellErrors = new List<ImportCellError>();
        var clientId = Field(csv, columns.Client) is { Length: > 0 } id ? id : null;
        var criteria = new List<CriterionResult>();
        foreach (var (criterionId, index) in columns.Criteria)
        {
            var value = Field(csv, index);
            var met = Yes.Contains(value, StringComparer.OrdinalIgnoreCase) ? true : No.Contains(value, StringComparer.OrdinalIgnoreCase) ? false : (bool?)null;
            if (met is null)
            {
                cellErrors.Add(new ImportCellError(row, criterionId, text["ImportCellValue", value]));
            }

            criteria.Add(new CriterionResult(criterionId, met ?? false));
        }

        var own = columns.Statement is { } s ? Field(csv, s) : null;
        if (cellErrors.Count > 0)
        {
            return new ImportRowResult(row, clientId, GroupMemberResult.Invalid, cellErrors);
        }

        var request = new AssessmentRequest(clientId, badge.Id, badge.Version, parameters.DemonstratedOn, parameters.UnitId, parameters.DeliveryMode, criteria, null)
        {
            Statement = string.IsNullOrWhiteSpace(own) ? parameters.Statement : own,
        };
        var recording = parameters.DryRun
            ? await recorder.PreviewAsync(request, user, cancellationToken)
            : await recorder.RecordAsync(request, user, $"{fileKey}/{row.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        return recording switch
        {
            AssessmentRecording.Recorded { Assessment: var a } => new ImportRowResult(
                row, clientId, a.Outcome == Outcomes.Passed ? GroupMemberResult.Issued : GroupMemberResult.Progress, [], a),
            AssessmentRecording.Refused r => new ImportRowResult(row, clientId, GroupMemberResult.Refused, [], Title: r.Title, Detail: r.Detail),
            AssessmentRecording.Invalid i => new ImportRowResult(row, clientId, GroupMemberResult.Invalid, i.Errors
                .SelectMany(e => e.Value.Select(m => new ImportCellError(row, ColumnOf(e.Key, columns, own), m))).ToList()),
            var other => throw new UnreachableException($"Unknown recording {other.GetType()}."),
        };
    }

    /// <summary>A recorder field as the column a person sees; the shared fields are the import's parameters and keep their names.</summary>
    private static string ColumnOf(string field, Columns columns, string? ownStatement) => field switch
    {
        "clientId" => columns.ClientHeading,
        "statement" or "evidenceNote" when columns.StatementHeading is not null && !string.IsNullOrWhiteSpace(ownStatement) => columns.StatementHeading,
        _ => field,
    };

    private Columns ColumnsOf(string[] headings, Catalogue.BadgeDefinition badge, FieldErrors errors)
    {
        int? client = null, statement = null;
        var criteria = new List<(string, int)>();
        for (var i = 0; i < headings.Length; i++)
        {
            var heading = headings[i].Trim();
            if (heading.Length == 0)
            {
                // Excel keeps the separators of columns that once had something in them.
                continue;
            }

            if (ClientHeadings.Contains(heading, StringComparer.OrdinalIgnoreCase))
            {
                client = i;
            }
            else if (StatementHeadings.Contains(heading, StringComparer.OrdinalIgnoreCase))
            {
                statement = i;
            }
            else if (badge.Criteria.FirstOrDefault(c => string.Equals(c.Id, heading, StringComparison.OrdinalIgnoreCase)) is { } criterion)
            {
                criteria.Add((criterion.Id, i));
            }
            else
            {
                errors.Add("file", text["ImportUnknownColumn", heading, string.Join(", ", badge.Criteria.Select(c => c.Id))]);
            }
        }

        if (client is null)
        {
            errors.Add("file", text["ImportNoClientColumn"]);
        }

        var missing = badge.Criteria.Where(c => !criteria.Any(x => x.Item1 == c.Id)).Select(c => c.Id).ToList();
        if (missing.Count > 0)
        {
            errors.Add("file", text["ImportMissingCriteria", string.Join(", ", missing)]);
        }

        return new Columns(client ?? 0, client is { } c0 ? headings[c0].Trim() : "asiakas", statement, statement is { } s0 ? headings[s0].Trim() : null, criteria);
    }

    /// <summary>A short row gives empty cells, as the spreadsheet showed them.</summary>
    private static string Field(CsvReader csv, int index) => index < csv.FieldCount ? csv.GetString(index).Trim() : string.Empty;

    private static (string Content, string Encoding) Decode(byte[] file)
    {
        if (file is [0xEF, 0xBB, 0xBF, ..])
        {
            return (new UTF8Encoding(false, true).GetString(file, 3, file.Length - 3), "utf-8-bom");
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(file), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(file), "windows-1252");
        }
    }

    private sealed record Columns(int Client, string ClientHeading, int? Statement, string? StatementHeading, IReadOnlyList<(string Id, int Index)> Criteria);
}
