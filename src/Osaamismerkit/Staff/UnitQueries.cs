using System.Data.Common;
using Dapper;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Reports;
using Osaamismerkit.StaffUi.Clients;

namespace Osaamismerkit.Staff;

/// <summary>The home of the units table and of unit_memberships, which says which staff members work in which unit.</summary>
public static class UnitQueries
{
    private const string Any = "SELECT COUNT(*) FROM units";

    private const string Exists = "SELECT COUNT(*) FROM units WHERE id = @Id";

    private const string MunicipalityOf = "SELECT municipality_code FROM units WHERE id = @UnitId";

    private const string NameOf = "SELECT name FROM units WHERE id = @Id";

    private const string Views = """
        SELECT u.id, u.name, u.municipality_code, m.name_fi AS MunicipalityName
        FROM units u JOIN municipalities m ON m.code = u.municipality_code
        ORDER BY u.name, u.id
        """;

    private const string Choices = "SELECT id, name, municipality_code FROM units ORDER BY name";

    private const string All = "SELECT id, name FROM units ORDER BY name";

    private const string OfStaff = """
        SELECT u.id, u.name
        FROM units u JOIN unit_memberships m ON m.unit_id = u.id
        WHERE m.staff_subject = @Subject
        ORDER BY u.name
        """;

    private const string IdsOfStaff = "SELECT unit_id FROM unit_memberships WHERE staff_subject = @Subject";

    private const string Insert = "INSERT INTO units (id, name, municipality_code, created_at) VALUES (@Id, @Name, @Code, @Now)";

    // Idempotent, so that adding a member twice is one change and one audit row.
    private const string AddMember = """
        INSERT INTO unit_memberships (unit_id, staff_subject)
        SELECT @UnitId, @Subject WHERE NOT EXISTS (SELECT 1 FROM unit_memberships WHERE unit_id = @UnitId AND staff_subject = @Subject)
        """;

    private const string RemoveMember = "DELETE FROM unit_memberships WHERE unit_id = @UnitId AND staff_subject = @Subject";

    public static async Task<bool> AnyAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(Any, cancellationToken: cancellationToken)) > 0;

    public static async Task<bool> ExistsAsync(DbConnection connection, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(Exists, new { Id = id }, cancellationToken: cancellationToken)) > 0;

    /// <summary>The unit's municipality code, or null when there is no such unit.</summary>
    public static Task<string?> MunicipalityOfAsync(DbConnection connection, string unitId, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(MunicipalityOf, new { UnitId = unitId }, cancellationToken: cancellationToken));

    public static Task<string?> NameOfAsync(DbConnection connection, string id, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(NameOf, new { Id = id }, cancellationToken: cancellationToken));

    /// <summary>Every unit with its municipality's Finnish name.</summary>
    public static async Task<IReadOnlyList<UnitView>> ViewsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<UnitView>(new CommandDefinition(Views, cancellationToken: cancellationToken))).ToList();

    /// <summary>Every unit, to filter reports by.</summary>
    public static async Task<IReadOnlyList<UnitChoice>> ChoicesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<UnitChoice>(new CommandDefinition(Choices, cancellationToken: cancellationToken))).ToList();

    public static async Task<IReadOnlyList<StaffUnit>> AllAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<StaffUnit>(new CommandDefinition(All, cancellationToken: cancellationToken))).ToList();

    /// <summary>The units the staff member works in, by name.</summary>
    public static async Task<IReadOnlyList<StaffUnit>> OfStaffAsync(DbConnection connection, string? subject, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<StaffUnit>(new CommandDefinition(OfStaff, new { Subject = subject }, cancellationToken: cancellationToken))).ToList();

    public static async Task<IReadOnlySet<string>> IdsOfStaffAsync(DbConnection connection, string? subject, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(IdsOfStaff, new { Subject = subject }, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);

    public static Task InsertAsync(DbTransaction transaction, string id, string name, string municipalityCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Insert, new { Id = id, Name = name, Code = municipalityCode, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>True when the staff member was not yet in the unit.</summary>
    public static async Task<bool> AddMemberAsync(DbTransaction transaction, string unitId, string subject, CancellationToken cancellationToken)
    {
        try
        {
            return await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                AddMember, new { UnitId = unitId, Subject = subject }, transaction, cancellationToken: cancellationToken)) > 0;
        }
        catch (DbException e) when (Database.IsUniqueViolation(e))
        {
            // A parallel add of the same member committed first (NOT EXISTS read an older snapshot): already a member.
            // The failed statement alone is undone on both providers; the transaction goes on.
            return false;
        }
    }

    /// <summary>True when the staff member was in the unit.</summary>
    public static async Task<bool> RemoveMemberAsync(DbTransaction transaction, string unitId, string subject, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            RemoveMember, new { UnitId = unitId, Subject = subject }, transaction, cancellationToken: cancellationToken)) > 0;
}
