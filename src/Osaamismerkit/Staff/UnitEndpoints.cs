using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;

namespace Osaamismerkit.Staff;

/// <summary>Admins manage units and who works in them; instructors list their own units.</summary>
public static class UnitEndpoints
{
    public const int MaxNameLength = 200;

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
        var all = await UnitQueries.ViewsAsync(connection, cancellationToken);
        var mine = user.IsAdmin() ? null : await units.OfAsync(user, cancellationToken);
        IReadOnlyList<UnitView> visible = all.Where(u => mine is null || mine.Contains(u.Id)).ToList();
        return TypedResults.Ok(visible);
    }

    private static async Task<Results<Created<UnitView>, ValidationProblem>> Create(
        UnitRequest request, ClaimsPrincipal user, [AsParameters] UnitEndpointServices services, CancellationToken cancellationToken)
    {
        var text = services.Text;
        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add("name", text["UnitNameInvalid", MaxNameLength]);
        }
        else
        {
            // A unit's name is printed on every certificate issued in it: published text.
            PersonalDataCheck.CheckPublished("name", name, errors, text);
        }

        await using var connection = await services.Database.OpenAsync(cancellationToken);
        if (!await MunicipalityQueries.ExistsAsync(connection, request.MunicipalityCode, cancellationToken))
        {
            errors.Add("municipalityCode", text["MunicipalityUnknown"]);
        }

        if (errors.Any)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        var id = "unit-" + Guid.CreateVersion7().ToString("N")[^12..];
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UnitQueries.InsertAsync(transaction, id, name!, request.MunicipalityCode!, services.Clock.GetUtcNow(), cancellationToken);
        await services.Audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("unit.created", "unit", id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var created = (await UnitQueries.ViewsAsync(connection, cancellationToken)).Single(u => u.Id == id);
        return TypedResults.Created($"/api/units/{id}", created);
    }

    private static Task<Results<NoContent, ProblemHttpResult>> Join(
        string id, string subject, ClaimsPrincipal user, [AsParameters] UnitEndpointServices services, CancellationToken cancellationToken) =>
        ChangeMembershipAsync(id, subject, UnitQueries.AddMemberAsync, "unit.member-added", user, services, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> Leave(
        string id, string subject, ClaimsPrincipal user, [AsParameters] UnitEndpointServices services, CancellationToken cancellationToken) =>
        ChangeMembershipAsync(id, subject, UnitQueries.RemoveMemberAsync, "unit.member-removed", user, services, cancellationToken);

    /// <summary>Idempotent: adding an existing member or removing an absent one changes nothing and writes no audit row.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeMembershipAsync(
        string id, string subject, Func<DbTransaction, string, string, CancellationToken, Task<bool>> change, string action, ClaimsPrincipal user,
        UnitEndpointServices services, CancellationToken cancellationToken)
    {
        await using var connection = await services.Database.OpenAsync(cancellationToken);
        if (!await UnitQueries.ExistsAsync(connection, id, cancellationToken))
        {
            return Problems.NotFound(services.Text, services.Text["UnitNotYours"]);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await change(transaction, id, subject, cancellationToken))
        {
            await services.Audit.AppendAsync(transaction, user.ToActor(), new AuditEntry(action, "unit", id, subject), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
