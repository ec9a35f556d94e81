using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Clients;

public static class ClientEndpoints
{
    private const string UnitMunicipality = "SELECT municipality_code FROM units WHERE id = @UnitId";

    private const string MunicipalityExists = "SELECT COUNT(*) FROM municipalities WHERE code = @Code";

    private const string Insert = """
        INSERT INTO clients (id, display_name, email_protected, phone_protected, email_hash, phone_hash, contact_hash_key,
                             preferred_language, unit_id, municipality_code, share_name, created_at, updated_at)
        VALUES (@Id, @DisplayName, @EmailProtected, @PhoneProtected, @EmailHash, @PhoneHash, @KeyId,
                @PreferredLanguage, @UnitId, @MunicipalityCode, 0, @Now, @Now)
        """;

    private const string Update = """
        UPDATE clients
        SET display_name = @DisplayName, email_protected = @EmailProtected, phone_protected = @PhoneProtected,
            email_hash = @EmailHash, phone_hash = @PhoneHash, contact_hash_key = @KeyId, preferred_language = @PreferredLanguage, unit_id = @UnitId, municipality_code = @MunicipalityCode,
            updated_at = @Now
        WHERE id = @Id
        """;

    private const string OfUnits = $"SELECT {ClientRow.Columns} FROM clients WHERE unit_id IN @UnitIds ORDER BY display_name";

    private const string All = $"SELECT {ClientRow.Columns} FROM clients ORDER BY display_name";

    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clients").WithTags("Clients").RequireAuthorization(Policies.Instructor);
        api.MapPost("/", Create).WithName("CreateClient");
        api.MapGet("/", List).WithName("ListClients");
        api.MapGet("/{id}", Get).WithName("GetClient");
        api.MapPut("/{id}", Change).WithName("ChangeClient");
        return app;
    }

    private static async Task<Results<Created<ClientView>, ValidationProblem>> Create(
        ClientRequest request, ClaimsPrincipal user, Database database, StaffUnits units, ContactProtector protector, ContactLookupKey hasher,
        AuditLog audit, TimeProvider clock, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = ClientValidation.Validate(request, text, errors);
        await using var connection = await database.OpenAsync(cancellationToken);
        var municipality = await ResolvePlaceAsync(request, user, connection, units, text, errors, cancellationToken);
        if (valid is not { } v || municipality is null)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var hashes = hasher.Of(v.Email, v.Phone);
        var row = new ClientRow
        {
            Id = Guid.CreateVersion7().ToString(),
            DisplayName = v.Name,
            EmailProtected = protector.Protect(v.Email),
            PhoneProtected = protector.Protect(v.Phone),
            PreferredLanguage = v.Language,
            UnitId = request.UnitId!,
            MunicipalityCode = municipality,
            ShareName = false,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            row.Id, row.DisplayName, row.EmailProtected, row.PhoneProtected, row.PreferredLanguage, row.UnitId, row.MunicipalityCode, Now = now,
            hashes.EmailHash, hashes.PhoneHash, hashes.KeyId,
        }, transaction, cancellationToken: cancellationToken));
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("client.created", "client", row.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/clients/{row.Id}", ToView(row, protector));
    }

    private static async Task<Results<Ok<ClientView>, ValidationProblem, ProblemHttpResult>> Change(
        string id, ClientRequest request, ClaimsPrincipal user, Database database, StaffUnits units, ClientAccess access,
        ContactProtector protector, ContactLookupKey hasher, AuditLog audit, TimeProvider clock, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var existing = await access.FindAsync(id, user, cancellationToken);
        if (existing is null)
        {
            return Problems.NotFound(text, text["ClientNotFound"]);
        }

        var errors = new FieldErrors();
        var valid = ClientValidation.Validate(request, text, errors);
        await using var connection = await database.OpenAsync(cancellationToken);
        var municipality = await ResolvePlaceAsync(request, user, connection, units, text, errors, cancellationToken);
        if (valid is not { } v || municipality is null)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var hashes = hasher.Of(v.Email, v.Phone);
        var row = existing with
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
        await connection.ExecuteAsync(new CommandDefinition(Update, new
        {
            row.Id, row.DisplayName, row.EmailProtected, row.PhoneProtected, row.PreferredLanguage, row.UnitId, row.MunicipalityCode, Now = now,
            hashes.EmailHash, hashes.PhoneHash, hashes.KeyId,
        }, transaction, cancellationToken: cancellationToken));
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("client.changed", "client", row.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ToView(row, protector));
    }

    /// <summary>Clients of one's units; q is part of a name, or a whole e-mail address or phone number (found by its keyed hash).</summary>
    private static async Task<Ok<IReadOnlyList<ClientSummary>>> List(
        ClaimsPrincipal user, Database database, StaffUnits units, ContactLookupKey hasher, CancellationToken cancellationToken, string? unitId = null, string? q = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        IEnumerable<ClientRow> rows;
        var contact = ContactSearch.Of(q, hasher);
        if (contact is not null)
        {
            var mine = user.IsAdmin() ? null : await units.OfAsync(user, cancellationToken);
            rows = (await connection.QueryAsync<ClientRow>(new CommandDefinition(
                    $"SELECT {ClientRow.Columns} FROM clients WHERE {contact.Column} = @Hash ORDER BY display_name", new { contact.Hash }, cancellationToken: cancellationToken)))
                .Where(r => mine is null || mine.Contains(r.UnitId));
        }
        else if (user.IsAdmin())
        {
            rows = await connection.QueryAsync<ClientRow>(new CommandDefinition(All, cancellationToken: cancellationToken));
        }
        else
        {
            var mine = await units.OfAsync(user, cancellationToken);
            rows = mine.Count == 0
                ? []
                : await connection.QueryAsync<ClientRow>(new CommandDefinition(OfUnits, new { UnitIds = mine.ToArray() }, cancellationToken: cancellationToken));
        }

        // Name search in memory: a unit has tens of clients, and SQLite's LIKE folds case only for ASCII (not ä, ö, å).
        IReadOnlyList<ClientSummary> result = rows
            .Where(r => unitId is null || r.UnitId == unitId)
            .Where(r => contact is not null || string.IsNullOrWhiteSpace(q) || r.DisplayName.Contains(q.Trim(), StringComparison.CurrentCultureIgnoreCase))
            .Select(r => new ClientSummary(r.Id, r.DisplayName, r.UnitId, r.PreferredLanguage))
            .ToList();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<ClientView>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, ClientAccess access, ContactProtector protector, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var row = await access.FindAsync(id, user, cancellationToken);
        return row is null ? Problems.NotFound(text, text["ClientNotFound"]) : TypedResults.Ok(ToView(row, protector));
    }

    /// <summary>The unit must be one of the instructor's; the municipality defaults to the unit's.</summary>
    private static async Task<string?> ResolvePlaceAsync(
        ClientRequest request, ClaimsPrincipal user, System.Data.Common.DbConnection connection, StaffUnits units,
        IStringLocalizer<Messages> text, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UnitId))
        {
            return null;
        }

        var unitMunicipality = await connection.QueryFirstOrDefaultAsync<string>(
            new CommandDefinition(UnitMunicipality, new { request.UnitId }, cancellationToken: cancellationToken));
        if (unitMunicipality is null || !await units.MayActInAsync(user, request.UnitId, cancellationToken))
        {
            errors.Add("unitId", text["UnitNotYours"]);
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.MunicipalityCode))
        {
            return unitMunicipality;
        }

        var exists = await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(MunicipalityExists, new { Code = request.MunicipalityCode }, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            errors.Add("municipalityCode", text["MunicipalityUnknown"]);
            return null;
        }

        return request.MunicipalityCode;
    }

    private static ClientView ToView(ClientRow row, ContactProtector protector) => new(
        row.Id, row.DisplayName, protector.Unprotect(row.EmailProtected), protector.Unprotect(row.PhoneProtected),
        row.PreferredLanguage, row.UnitId, row.MunicipalityCode, row.ShareName, row.CreatedAt, row.UpdatedAt);
}
