using System.Globalization;
using System.Security.Claims;
using Dapper;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.StaffUi.Clients;

/// <summary>
/// The instructor's clients for the pages: units to choose from, name search, and adding a client. Validation, the unit
/// rule and the audit entry are the API's own (ClientValidation, StaffUnits, AuditLog).
/// </summary>
public sealed class StaffClients(
    Database database, StaffUnits units, ContactProtector protector, ContactLookupKey hasher, AuditLog audit, TimeProvider clock, IStringLocalizer<Messages> text)
{
    private const string AllUnits = "SELECT id, name FROM units ORDER BY name";

    private const string UnitsOfStaff = """
        SELECT u.id, u.name
        FROM units u JOIN unit_memberships m ON m.unit_id = u.id
        WHERE m.staff_subject = @Subject
        ORDER BY u.name
        """;

    private const string Municipalities = "SELECT code, name_fi, name_sv FROM municipalities ORDER BY name_fi";

    private const string ClientsOfUnits = """
        SELECT c.id, c.display_name, u.name AS UnitName
        FROM clients c JOIN units u ON u.id = c.unit_id
        WHERE c.unit_id IN @UnitIds
        """;

    private const string UnitMunicipality = "SELECT municipality_code FROM units WHERE id = @UnitId";

    private const string MunicipalityExists = "SELECT COUNT(*) FROM municipalities WHERE code = @Code";

    private const string Insert = """
        INSERT INTO clients (id, display_name, email_protected, phone_protected, email_hash, phone_hash, contact_hash_key,
                             preferred_language, unit_id, municipality_code, share_name, created_at, updated_at)
        VALUES (@Id, @DisplayName, @EmailProtected, @PhoneProtected, @EmailHash, @PhoneHash, @KeyId,
                @PreferredLanguage, @UnitId, @MunicipalityCode, 0, @Now, @Now)
        """;

    public async Task<IReadOnlyList<StaffUnit>> UnitsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var command = user.IsAdmin()
            ? new CommandDefinition(AllUnits, cancellationToken: cancellationToken)
            : new CommandDefinition(UnitsOfStaff, new { Subject = user.SubjectId() }, cancellationToken: cancellationToken);
        return (await connection.QueryAsync<StaffUnit>(command)).ToList();
    }

    public async Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Municipality>(new CommandDefinition(Municipalities, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Clients of the instructor's units whose name contains every word typed, ignoring case and accents, so "hamalainen"
    /// finds Hämäläinen. In memory: a unit has tens of clients, and SQLite's LIKE folds case only for ASCII. A whole
    /// e-mail address or phone number finds its client through the keyed hash (ContactSearch) instead.
    /// </summary>
    public async Task<IReadOnlyList<ClientListItem>> SearchAsync(ClaimsPrincipal user, string? query, CancellationToken cancellationToken)
    {
        var unitIds = (await UnitsOfAsync(user, cancellationToken)).Select(u => u.Id).ToArray();
        if (unitIds.Length == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var contact = ContactSearch.Of(query, hasher);
        var rows = contact is null
            ? await connection.QueryAsync<ClientListItem>(new CommandDefinition(ClientsOfUnits, new { UnitIds = unitIds }, cancellationToken: cancellationToken))
            : await connection.QueryAsync<ClientListItem>(new CommandDefinition(
                ClientsOfUnits + $" AND c.{contact.Column} = @Hash", new { UnitIds = unitIds, contact.Hash }, cancellationToken: cancellationToken));
        var words = contact is null ? TextSearch.Words(query) : [];
        return rows
            .Where(r => TextSearch.MatchesAll(words, r.DisplayName))
            .OrderBy(r => r.DisplayName, StringComparer.Create(CultureInfo.GetCultureInfo("fi"), ignoreCase: true))
            .ToList();
    }

    /// <summary>Adds a client to one of the instructor's units; the municipality defaults to the unit's.</summary>
    public async Task<(string? ClientId, FieldErrors Errors)> CreateAsync(ClaimsPrincipal user, ClientRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = ClientValidation.Validate(request, text, errors);
        await using var connection = await database.OpenAsync(cancellationToken);
        string? municipality = null;
        if (!string.IsNullOrWhiteSpace(request.UnitId))
        {
            var unitMunicipality = await connection.QueryFirstOrDefaultAsync<string>(
                new CommandDefinition(UnitMunicipality, new { request.UnitId }, cancellationToken: cancellationToken));
            if (unitMunicipality is null || !await units.MayActInAsync(user, request.UnitId, cancellationToken))
            {
                errors.Add("unitId", text["UnitNotYours"]);
            }
            else if (string.IsNullOrWhiteSpace(request.MunicipalityCode))
            {
                municipality = unitMunicipality;
            }
            else if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(MunicipalityExists, new { Code = request.MunicipalityCode }, cancellationToken: cancellationToken)) == 0)
            {
                errors.Add("municipalityCode", text["MunicipalityUnknown"]);
            }
            else
            {
                municipality = request.MunicipalityCode;
            }
        }

        if (valid is not { } v || municipality is null || errors.Any)
        {
            return (null, errors);
        }

        var id = Guid.CreateVersion7().ToString();
        var hashes = hasher.Of(v.Email, v.Phone);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            Id = id,
            DisplayName = v.Name,
            EmailProtected = protector.Protect(v.Email),
            PhoneProtected = protector.Protect(v.Phone),
            PreferredLanguage = v.Language,
            request.UnitId,
            MunicipalityCode = municipality,
            Now = clock.GetUtcNow(),
            hashes.EmailHash,
            hashes.PhoneHash,
            hashes.KeyId,
        }, transaction, cancellationToken: cancellationToken));
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("client.created", "client", id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (id, errors);
    }
}
