using System.Data.Common;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Clients;

/// <summary>
/// Adds and changes clients for the API and the staff pages alike: validation, the unit rule, encryption of the
/// contact details, their lookup hashes and the audit entry, in one place.
/// </summary>
public sealed class ClientWriter(
    Database database, StaffUnits units, ContactProtector protector, ContactLookupKey lookupKey, AuditLog audit, TimeProvider clock,
    IStringLocalizer<Messages> text)
{
    public Task<ClientWrite> CreateAsync(ClientRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SaveAsync(null, request, user, cancellationToken);

    /// <summary>The caller has found <paramref name="existing"/> through <see cref="ClientAccess"/>.</summary>
    public Task<ClientWrite> ChangeAsync(ClientRow existing, ClientRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SaveAsync(existing, request, user, cancellationToken);

    private async Task<ClientWrite> SaveAsync(ClientRow? existing, ClientRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = ClientValidation.Validate(request, text, errors);
        await using var connection = await database.OpenAsync(cancellationToken);
        var municipality = await ResolvePlaceAsync(request, user, connection, errors, cancellationToken);
        if (valid is not { } v || municipality is null)
        {
            return ClientWrite.Refused(errors.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var hashes = lookupKey.Of(v.Email, v.Phone);
        var row = (existing ?? new ClientRow
        {
            Id = Guid.CreateVersion7().ToString(),
            DisplayName = v.Name,
            PreferredLanguage = v.Language,
            UnitId = request.UnitId!,
            MunicipalityCode = municipality,
            ShareName = false,
            CreatedAt = now,
            UpdatedAt = now,
        }) with
        {
            DisplayName = v.Name,
            EmailProtected = protector.Protect(v.Email),
            PhoneProtected = protector.Protect(v.Phone),
            PreferredLanguage = v.Language,
            UnitId = request.UnitId!,
            MunicipalityCode = municipality,
            UpdatedAt = now,
        };
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (existing is null)
        {
            await ClientQueries.InsertAsync(transaction, row, hashes, cancellationToken);
        }
        else
        {
            await ClientQueries.UpdateAsync(transaction, row, hashes, cancellationToken);
        }

        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry(existing is null ? "client.created" : "client.changed", "client", row.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ClientWrite.Done(row);
    }

    /// <summary>The unit must be one of the instructor's; the municipality defaults to the unit's.</summary>
    private async Task<string?> ResolvePlaceAsync(
        ClientRequest request, ClaimsPrincipal user, DbConnection connection, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UnitId))
        {
            return null;
        }

        var unitMunicipality = await UnitQueries.MunicipalityOfAsync(connection, request.UnitId, cancellationToken);
        if (unitMunicipality is null || !await units.MayActInAsync(user, request.UnitId, cancellationToken))
        {
            errors.Add("unitId", text["UnitNotYours"]);
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.MunicipalityCode))
        {
            return unitMunicipality;
        }

        if (!await MunicipalityQueries.ExistsAsync(connection, request.MunicipalityCode, cancellationToken))
        {
            errors.Add("municipalityCode", text["MunicipalityUnknown"]);
            return null;
        }

        return request.MunicipalityCode;
    }
}
