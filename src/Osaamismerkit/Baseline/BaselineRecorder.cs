using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Baseline;

/// <summary>Records a client's baselines and reads their history; instructors act only for their own units' clients.</summary>
public sealed class BaselineRecorder(
    Database database,
    ClientAccess clients,
    StaffUnits units,
    AuditLog audit,
    Catalogue.BadgeCatalogue catalogue,
    TimeProvider clock,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<ReportTexts> texts)
{
    /// <summary>Records a mapping for the API and the staff page alike: the saved view, the errors field by field, or no such client.</summary>
    public async Task<BaselineRecording> RecordAsync(
        string clientId, BaselineRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var client = await clients.FindAsync(clientId, user, cancellationToken);
        if (client is null)
        {
            return BaselineRecording.ClientNotFound;
        }

        var now = clock.GetUtcNow();
        var valid = BaselineValidation.Validate(request, PublicPages.HelsinkiTime.Today(now), messages, texts, errors);
        if (!string.IsNullOrWhiteSpace(request.UnitId) && !await units.MayActInAsync(user, request.UnitId, cancellationToken))
        {
            errors.Add("unitId", messages["UnitNotYours"]);
        }

        if (valid is null || errors.Any)
        {
            return BaselineRecording.Invalid(errors.ToDictionary());
        }

        var row = new BaselineRow
        {
            Id = Guid.CreateVersion7().ToString(),
            ClientId = client.Id,
            AssessedOn = valid.AssessedOn,
            Phase = valid.Phase,
            UnitId = valid.UnitId,
            DeliveryMode = valid.DeliveryMode,
            Level1 = valid.Levels[0],
            Level2 = valid.Levels[1],
            Level3 = valid.Levels[2],
            Level4 = valid.Levels[3],
            Level5 = valid.Levels[4],
            Self1 = valid.SelfAssessments[0],
            Self2 = valid.SelfAssessments[1],
            Self3 = valid.SelfAssessments[2],
            Self4 = valid.SelfAssessments[3],
            Self5 = valid.SelfAssessments[4],
            CreatedAt = now,
        };

        // A deadlock victim was rolled back and runs again whole. Not after a broken connection: the COMMIT may have
        // happened, and a second run would record the mapping twice.
        await DatabaseRetry.RunAsync(() => StoreAsync(row, client, user, cancellationToken), idempotent: false, cancellationToken);
        return BaselineRecording.Recorded(row.ToView());
    }

    private async Task<bool> StoreAsync(BaselineRow row, ClientRow client, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ClientQueries.LockAsync(transaction, client.Id, cancellationToken);
        await BaselineQueries.InsertAsync(transaction, row, client.MunicipalityCode, user.SubjectId(), cancellationToken);
        await BaselineChain.RelinkAsync(transaction, client.Id, cancellationToken);
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("baseline.recorded", "client", client.Id, row.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The client's baselines, or null when the client does not exist or is not in the user's units.</summary>
    public async Task<BaselineHistory?> HistoryAsync(string clientId, ClaimsPrincipal user, string language, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, user, cancellationToken);
        return client is null ? null : await HistoryOfAsync(client.Id, language, cancellationToken);
    }

    /// <summary>The history without an access check, for callers that have already found the client through <see cref="ClientAccess"/>.</summary>
    public async Task<BaselineHistory> HistoryOfAsync(string clientId, string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await BaselineQueries.OfClientAsync(connection, clientId, cancellationToken);
        if (rows.Count == 0)
        {
            return new BaselineHistory([], []);
        }

        var first = rows[0];
        var latest = rows[^1];
        var change = BaselineAreas.Numbers
            .Select(a => new AreaChange(
                a,
                catalogue.DigComp.FindArea(a)?.Name.In(language) ?? a.ToString(System.Globalization.CultureInfo.InvariantCulture),
                first.Level(a),
                latest.Level(a),
                latest.Level(a) - first.Level(a),
                first.Self(a),
                latest.Self(a)))
            .ToList();
        return new BaselineHistory(rows.Select(r => r.ToView()).ToList(), change);
    }
}
