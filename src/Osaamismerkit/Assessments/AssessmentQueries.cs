using System.Data.Common;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Assessments;

/// <summary>Every statement on the <c>assessments</c> table, outside the reports' own read model.</summary>
public static class AssessmentQueries
{
    private const string Insert = """
        INSERT INTO assessments (id, client_id, badge_id, badge_version, demonstrated_on, unit_id, delivery_mode, criteria_json,
                                 evidence_note, internal_note, outcome, instructor_subject, instructor_name, instructor_title,
                                 idempotency_key, request_hash, created_at)
        VALUES (@Id, @ClientId, @BadgeId, @BadgeVersion, @DemonstratedOn, @UnitId, @DeliveryMode, @CriteriaJson,
                @EvidenceNote, @InternalNote, @Outcome, @InstructorSubject, @InstructorName, @InstructorTitle,
                @IdempotencyKey, @RequestHash, @CreatedAt)
        """;

    private const string ByIdempotencyKey = $"""
        SELECT {AssessmentRow.Columns}
        FROM assessments
        WHERE instructor_subject = @Subject AND idempotency_key = @Key
        """;

    private const string ById = $"""
        SELECT {AssessmentRow.Columns}
        FROM assessments
        WHERE id = @Id AND client_id = @ClientId
        """;

    private const string OfClient = $"""
        SELECT {AssessmentRow.Columns}
        FROM assessments
        WHERE client_id = @ClientId
        ORDER BY created_at DESC, id DESC
        """;

    private const string Export = "SELECT * FROM assessments WHERE client_id = @Id ORDER BY created_at";

    private const string EraseEvidence = "UPDATE assessments SET evidence_note = '', internal_note = NULL WHERE client_id = @Id";

    public static Task InsertAsync(DbTransaction transaction, NewAssessment assessment, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(Insert, assessment, transaction, cancellationToken: cancellationToken));

    /// <summary>The first assessment this instructor sent with this Idempotency-Key, if any.</summary>
    public static Task<AssessmentRow?> ByIdempotencyKeyAsync(DbTransaction transaction, string instructorSubject, string key, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryFirstOrDefaultAsync<AssessmentRow>(new CommandDefinition(
            ByIdempotencyKey, new { Subject = instructorSubject, Key = key }, transaction, cancellationToken: cancellationToken));

    /// <summary>The assessment, only if it is the client's.</summary>
    public static Task<AssessmentRow?> FindAsync(DbConnection connection, string clientId, string assessmentId, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<AssessmentRow>(new CommandDefinition(
            ById, new { Id = assessmentId, ClientId = clientId }, cancellationToken: cancellationToken));

    /// <summary>The client's assessments, latest first.</summary>
    public static async Task<IReadOnlyList<AssessmentRow>> OfClientAsync(DbConnection connection, string clientId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<AssessmentRow>(new CommandDefinition(OfClient, new { ClientId = clientId }, cancellationToken: cancellationToken))).ToList();

    /// <summary>Every column of the client's assessments for a data export; one dictionary per row.</summary>
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> ExportOfClientAsync(
        DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        ExportRows.Of(await transaction.Connection!.QueryAsync(new CommandDefinition(Export, new { Id = clientId }, transaction, cancellationToken: cancellationToken)));

    /// <summary>Outcomes stay for statistics; the free-text evidence, which may name the client, goes.</summary>
    public static Task EraseEvidenceAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(EraseEvidence, new { Id = clientId }, transaction, cancellationToken: cancellationToken));
}
