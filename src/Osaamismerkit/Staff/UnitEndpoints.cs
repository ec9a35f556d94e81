using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Staff;

/// <summary>Admins manage units and who works in them; instructors list their own units.</summary>
public static class UnitEndpoints
{
    public const int MaxNameLength = 200;

    private const string Units = """
        SELECT u.id, u.name, u.municipality_code, m.name_fi AS MunicipalityName
        FROM units u JOIN municipalities m ON m.code = u.municipality_code
        ORDER BY u.name, u.id
        """;

    private const string MunicipalityExists = "SELECT COUNT(*) FROM municipalities WHERE code = @Code";

    private const string UnitExists = "SELECT COUNT(*) FROM units WHERE id = @Id";

    private const string InsertUnit = "INSERT INTO units (id, name, municipality_code, created_at) VALUES (@Id, @Name, @Code, @Now)";

    private const string AddMember = """
        INSERT INTO unit_memberships (unit_id, staff_subject)
        SELECT @UnitId, @Subject WHERE NOT EXISTS (SELECT 1 FROM unit_memberships WHERE unit_id = @UnitId AND staff_subject = @Subject)
        """;

    private const string RemoveMember = "DELETE FROM unit_memberships WHERE unit_id = @UnitId AND staff_subject = @Subject";

    public static IEndpointRouteBuilder MapUnits(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("Units");
        api.MapGet("/", List).WithName("ListUnits").RequireAuthorization(Policies.Instructor);
        api.MapPost("/", Create).WithName("CreateUnit").RequireAuthorization(Policies.Admin);
        api.MapPut("/{id}/members/{subject}", Join).WithName("AddUnitMember").RequireAuthorization(Policies.Admin);
        api.MapDelete("/{id}/members/{subject}", Leave).WithName("RemoveUnitMember").RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<UnitView>>> List(ClaimsPrincipal user, Database database, StaffUnits units, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var all = await connection.QueryAsync<UnitView>(new CommandDefinition(Units, cancellationToken: cancellationToken));
        var mine = user.IsAdmin() ? null : await units.OfAsync(user, cancellationToken);
        IReadOnlyList<UnitView> visible = all.Where(u => mine is null || mine.Contains(u.Id)).ToList();
        return TypedResults.Ok(visible);
    }

    private static async Task<Results<Created<UnitView>, ValidationProblem>> Create(
        UnitRequest request, ClaimsPrincipal user, Database database, AuditLog audit, TimeProvider clock,
        IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add("name", text["UnitNameInvalid", MaxNameLength]);
        }
        else if (PersonalIdentityCode.AppearsIn(name))
        {
            errors.Add("name", text["PersonalIdentityCodeNotAllowed"]);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(MunicipalityExists, new { Code = request.MunicipalityCode }, cancellationToken: cancellationToken)) == 0)
        {
            errors.Add("municipalityCode", text["MunicipalityUnknown"]);
        }

        if (errors.Any)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        var id = "unit-" + Guid.CreateVersion7().ToString("N")[^12..];
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertUnit, new { Id = id, Name = name, Code = request.MunicipalityCode, Now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("unit.created", "unit", id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var created = (await connection.QueryAsync<UnitView>(new CommandDefinition(Units, cancellationToken: cancellationToken))).Single(u => u.Id == id);
        return TypedResults.Created($"/api/units/{id}", created);
    }

    private static Task<Results<NoContent, ProblemHttpResult>> Join(
        string id, string subject, ClaimsPrincipal user, Database database, AuditLog audit, IStringLocalizer<Messages> text, CancellationToken cancellationToken) =>
        ChangeMembershipAsync(id, subject, AddMember, "unit.member-added", user, database, audit, text, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> Leave(
        string id, string subject, ClaimsPrincipal user, Database database, AuditLog audit, IStringLocalizer<Messages> text, CancellationToken cancellationToken) =>
        ChangeMembershipAsync(id, subject, RemoveMember, "unit.member-removed", user, database, audit, text, cancellationToken);

    /// <summary>Idempotent: adding an existing member or removing an absent one changes nothing and writes no audit row.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeMembershipAsync(
        string id, string subject, string sql, string action, ClaimsPrincipal user, Database database, AuditLog audit,
        IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(UnitExists, new { Id = id }, cancellationToken: cancellationToken)) == 0)
        {
            return Problems.NotFound(text, text["UnitNotYours"]);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, new { UnitId = id, Subject = subject }, transaction, cancellationToken: cancellationToken));
        if (changed > 0)
        {
            await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry(action, "unit", id, subject), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
