using System.Data.Common;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Issuing;

/// <summary>
/// Every statement on the <c>assertions</c> table, outside the reports' own read model: issuing, revoking, claiming,
/// erasing, and the reads of verification, certificates, the wallet and the staff pages. Every write is here.
/// </summary>
public static class AssertionQueries
{
    // Where and how the badge was earned is copied onto the assertion (a milestone: the client's unit, no delivery mode),
    // so that reports read one table; INSERT … SELECT because SQL Server allows no subqueries in VALUES.
    private const string Insert = """
        INSERT INTO assertions (id, client_id, badge_id, badge_version, assessment_id, recipient_type, recipient_identity,
                                recipient_salt, badge_language, issued_on, expires, signing_key_id, assertion_json, jws,
                                claim_code_hash, claim_code_protected, replaces_id, unit_id, delivery_mode, municipality_code)
        SELECT @Id, @ClientId, @BadgeId, @BadgeVersion, @AssessmentId, @RecipientType, @RecipientIdentity,
               @RecipientSalt, @BadgeLanguage, @IssuedOn, @Expires, @SigningKeyId, @AssertionJson, @Jws,
               @ClaimCodeHash, @ClaimCodeProtected, @ReplacesId, COALESCE(m.unit_id, c.unit_id), m.delivery_mode, c.municipality_code
        FROM clients c
        LEFT JOIN assessments m ON m.id = @AssessmentId
        WHERE c.id = @ClientId
        """;

    // The benchmark's stand-in for a signed document: reports never read these columns.
    private const string InsertUnsigned = """
        INSERT INTO assertions (id, client_id, badge_id, badge_version, assessment_id, recipient_type, recipient_identity,
                                recipient_salt, badge_language, issued_on, expires, signing_key_id, assertion_json, jws,
                                unit_id, delivery_mode, municipality_code)
        SELECT @Id, @ClientId, @BadgeId, @BadgeVersion, @AssessmentId, 'url', 'unsigned', '', 'fi', @IssuedOn, NULL,
               MIN(id), '{}', 'unsigned', @UnitId, @Mode, @Municipality
        FROM signing_keys
        """;

    private const string Revoke = """
        UPDATE assertions
        SET revoked_at = @Now, revocation_reason = @Reason, revocation_note = @Note, revoked_by = @By
        WHERE id = @Id AND revoked_at IS NULL
        """;

    // The recipient hash and salt go with the document: kept, they would still answer the public e-mail check.
    private const string WithdrawRecipient = """
        UPDATE assertions SET assertion_json = @Json, jws = '', recipient_identity = '', recipient_salt = '' WHERE id = @Id
        """;

    private const string Erase = """
        UPDATE assertions
        SET assertion_json = @Json, jws = '', recipient_identity = '', recipient_salt = '',
            claim_code_hash = NULL, claim_code_protected = NULL, revocation_reason = @Reason, revocation_note = NULL
        WHERE id = @Id
        """;

    private const string ById = $"SELECT {AssertionRow.Columns} FROM assertions WHERE id = @Id";

    private const string OfClient = $"SELECT {AssertionRow.Columns} FROM assertions WHERE client_id = @ClientId ORDER BY issued_on DESC, id";

    private const string OfAssessment = $"SELECT {AssertionRow.Columns} FROM assertions WHERE assessment_id = @AssessmentId";

    private const string UnreplacedOfClient = $"""
        SELECT {AssertionRow.Columns}
        FROM assertions a
        WHERE a.client_id = @ClientId
          AND NOT EXISTS (SELECT 1 FROM assertions r WHERE r.replaces_id = a.id)
        ORDER BY a.issued_on DESC, a.id
        """;

    private const string Active = """
        SELECT id, badge_id, expires
        FROM assertions
        WHERE client_id = @ClientId AND revoked_at IS NULL
        """;

    private const string Exists = "SELECT COUNT(*) FROM assertions WHERE id = @Id";

    private const string Count = "SELECT COUNT(*) FROM assertions";

    // By client first, so that the client index narrows the search: replaces_id has no index of its own.
    private const string ReplacementOf = "SELECT id FROM assertions WHERE client_id = @ClientId AND replaces_id = @Id";

    private const string DocumentColumns = "SELECT id, badge_id, assertion_json AS Json, jws FROM assertions";

    private const string DocumentById = DocumentColumns + " WHERE id = @Id";

    // An erased assertion has no JWS and the benchmark's stand-ins are 'unsigned': neither is re-signed.
    private const string SignedDocuments = DocumentColumns + " WHERE jws <> '' AND jws <> 'unsigned'";

    private const string Resign = "UPDATE assertions SET assertion_json = @Json, jws = @Jws, signing_key_id = @SigningKeyId WHERE id = @Id";

    private const string DocumentsOfClient = DocumentColumns + " WHERE client_id = @ClientId";

    private const string Revoked = """
        SELECT id, revocation_reason AS Reason FROM assertions WHERE revoked_at IS NOT NULL ORDER BY revoked_at, id
        """;

    private const string Verifiable = """
        SELECT a.id, a.client_id, a.badge_id, a.badge_version,
               a.recipient_type, a.recipient_identity, a.recipient_salt,
               a.badge_language, a.issued_on, a.expires, a.revoked_at,
               a.revocation_reason, a.assertion_json AS Json, a.jws, k.public_key_pem
        FROM assertions a
        JOIN signing_keys k ON k.id = a.signing_key_id
        WHERE a.id = @Id
        """;

    private const string WithEvidenceOfClients = """
        SELECT a.id, a.client_id, a.badge_id, a.issued_on, a.expires,
               a.revoked_at, a.claim_code_protected,
               s.badge_id AS AssessedBadgeId, s.criteria_json, s.evidence_note,
               s.delivery_mode, s.demonstrated_on, s.instructor_name,
               s.instructor_title, u.name AS UnitName
        FROM assertions a
        LEFT JOIN assessments s ON s.id = a.assessment_id
        LEFT JOIN units u ON u.id = s.unit_id
        WHERE a.client_id IN @ClientIds
        ORDER BY a.issued_on, a.id
        """;

    private const string PlaceholderColumns = """
        SELECT id, client_id, badge_id, badge_version, assessment_id,
               badge_language, issued_on, assertion_json AS Json
        FROM assertions
        """;

    private const string PlaceholderByCode = PlaceholderColumns + " WHERE claim_code_hash = @Hash AND revoked_at IS NULL";

    private const string PlaceholderOfClient = PlaceholderColumns + """
         WHERE id = @Id AND client_id = @ClientId AND recipient_type = 'url' AND claim_code_hash IS NOT NULL AND revoked_at IS NULL
        """;

    private const string LiveOfRecipientType = PlaceholderColumns + " WHERE recipient_type = @Type AND revoked_at IS NULL ORDER BY issued_on, id";

    private const string Export = """
        SELECT id, badge_id, badge_version, recipient_type, issued_on, expires, revoked_at, revocation_reason, revocation_note, replaces_id
        FROM assertions WHERE client_id = @Id ORDER BY issued_on
        """;

    public static Task InsertAsync(DbTransaction transaction, SignedAssertion assertion, CancellationToken cancellationToken)
    {
        var request = assertion.Request;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(Insert, new
        {
            Id = assertion.Id.ToString(),
            request.ClientId,
            BadgeId = request.Badge.Id,
            BadgeVersion = request.Badge.Version,
            request.AssessmentId,
            RecipientType = assertion.Recipient.Type,
            RecipientIdentity = assertion.Recipient.HashWith(assertion.Salt),
            RecipientSalt = assertion.Salt,
            BadgeLanguage = request.Language,
            assertion.IssuedOn,
            assertion.Expires,
            assertion.SigningKeyId,
            AssertionJson = assertion.Json,
            assertion.Jws,
            ClaimCodeHash = assertion.ClaimCode is null ? null : ClaimCodes.Hash(assertion.ClaimCode),
            assertion.ClaimCodeProtected,
            ReplacesId = request.ReplacesId?.ToString(),
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>An unsigned stand-in with the place it was earned given outright (demo and benchmark data only).</summary>
    public static Task InsertUnsignedAsync(
        DbTransaction transaction, string clientId, string badgeId, string badgeVersion, string? assessmentId, DateTimeOffset issuedOn,
        string unitId, string? mode, string municipality, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertUnsigned, new
        {
            Id = Guid.NewGuid().ToString(),
            ClientId = clientId,
            BadgeId = badgeId,
            BadgeVersion = badgeVersion,
            AssessmentId = assessmentId,
            IssuedOn = issuedOn,
            UnitId = unitId,
            Mode = mode,
            Municipality = municipality,
        }, transaction, cancellationToken: cancellationToken));

    /// <summary>True if this call revoked it; false if it was revoked already (or does not exist).</summary>
    public static async Task<bool> RevokeAsync(
        DbTransaction transaction, string assertionId, string reason, string? note, string revokedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Revoke, new { Id = assertionId, Reason = reason, Note = note, By = revokedBy, Now = now }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Every assertion that still has its signed documents, for re-signing after a key change.</summary>
    public static async Task<IReadOnlyList<AssertionDocument>> SignedDocumentsAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<AssertionDocument>(new CommandDefinition(
            SignedDocuments, transaction: transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>Replaces an assertion's signed documents with the same assertion signed by another key.</summary>
    public static Task ResignAsync(
        DbTransaction transaction, string assertionId, string json, string jws, string signingKeyId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Resign, new { Id = assertionId, Json = json, Jws = jws, SigningKeyId = signingKeyId }, transaction, cancellationToken: cancellationToken));

    /// <summary>A revoked assertion stops publishing its recipient: the revoked form replaces the document, the JWS goes.</summary>
    public static Task WithdrawRecipientAsync(DbTransaction transaction, string assertionId, string revokedJson, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            WithdrawRecipient, new { Id = assertionId, Json = revokedJson }, transaction, cancellationToken: cancellationToken));

    /// <summary>Erasure: the revoked form stays; recipient, signature, claim code and any written reason go.</summary>
    public static Task EraseAsync(DbTransaction transaction, string assertionId, string revokedJson, string reason, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Erase, new { Id = assertionId, Json = revokedJson, Reason = reason }, transaction, cancellationToken: cancellationToken));

    /// <summary>The unrevoked assertions issued to this kind of recipient, oldest first.</summary>
    public static async Task<IReadOnlyList<PlaceholderAssertion>> LiveOfRecipientTypeAsync(DbTransaction transaction, string type, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<PlaceholderAssertion>(new CommandDefinition(
            LiveOfRecipientType, new { Type = type }, transaction, cancellationToken: cancellationToken))).ToList();

    public static Task<AssertionRow?> FindAsync(DbConnection connection, string assertionId, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<AssertionRow>(new CommandDefinition(ById, new { Id = assertionId }, cancellationToken: cancellationToken));

    /// <summary>Every assertion of the client, newest first.</summary>
    public static async Task<IReadOnlyList<AssertionRow>> OfClientAsync(DbConnection connection, string clientId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<AssertionRow>(new CommandDefinition(OfClient, new { ClientId = clientId }, cancellationToken: cancellationToken))).ToList();

    /// <summary>
    /// The client's assertions, newest first, without a placeholder replaced by a claim: the client holds its re-issued
    /// twin, and two copies of one badge would only confuse.
    /// </summary>
    public static async Task<IReadOnlyList<AssertionRow>> UnreplacedOfClientAsync(DbConnection connection, string clientId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<AssertionRow>(new CommandDefinition(UnreplacedOfClient, new { ClientId = clientId }, cancellationToken: cancellationToken))).ToList();

    /// <summary>What one assessment issued: its badge and any milestones it completed.</summary>
    public static Task<IReadOnlyList<AssertionRow>> OfAssessmentAsync(DbConnection connection, string assessmentId, CancellationToken cancellationToken) =>
        OfAssessmentAsync(connection, null, assessmentId, cancellationToken);

    public static Task<IReadOnlyList<AssertionRow>> OfAssessmentAsync(DbTransaction transaction, string assessmentId, CancellationToken cancellationToken) =>
        OfAssessmentAsync(transaction.Connection!, transaction, assessmentId, cancellationToken);

    /// <summary>The client's unrevoked assertions; some may have expired.</summary>
    public static async Task<IReadOnlyList<ActiveAssertion>> ActiveOfClientAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<ActiveAssertion>(new CommandDefinition(Active, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken))).ToList();

    public static async Task<bool> ExistsAsync(DbConnection connection, string assertionId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(Exists, new { Id = assertionId }, cancellationToken: cancellationToken)) > 0;

    /// <summary>The assertion a claim issued in place of this placeholder, if it was claimed.</summary>
    public static async Task<Guid?> ReplacementOfAsync(DbConnection connection, string clientId, string assertionId, CancellationToken cancellationToken) =>
        await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(ReplacementOf, new { ClientId = clientId, Id = assertionId }, cancellationToken: cancellationToken))
            is { } id ? Guid.Parse(id) : null;

    public static Task<int> CountAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(Count, cancellationToken: cancellationToken));

    public static Task<AssertionDocument?> DocumentAsync(DbConnection connection, string assertionId, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<AssertionDocument>(new CommandDefinition(DocumentById, new { Id = assertionId }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<AssertionDocument>> DocumentsOfClientAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<AssertionDocument>(new CommandDefinition(
            DocumentsOfClient, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>Every revoked assertion in the order revoked, for the public revocation list.</summary>
    public static async Task<IReadOnlyList<RevokedAssertion>> RevokedAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RevokedAssertion>(new CommandDefinition(Revoked, cancellationToken: cancellationToken))).ToList();

    public static Task<VerifiableAssertion?> VerifiableAsync(DbConnection connection, string assertionId, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<VerifiableAssertion>(new CommandDefinition(Verifiable, new { Id = assertionId }, cancellationToken: cancellationToken));

    /// <summary>The clients' assertions, oldest first, each with the assessment that earned it (none for a milestone).</summary>
    public static async Task<IReadOnlyList<AssertionEvidenceRow>> WithEvidenceOfClientsAsync(
        DbConnection connection, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<AssertionEvidenceRow>(new CommandDefinition(
            WithEvidenceOfClients, new { ClientIds = clientIds }, cancellationToken: cancellationToken))).ToList();

    /// <summary>The unclaimed placeholder with this claim code hash, if any.</summary>
    public static Task<PlaceholderAssertion?> PlaceholderByCodeAsync(DbTransaction transaction, string codeHash, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryFirstOrDefaultAsync<PlaceholderAssertion>(new CommandDefinition(
            PlaceholderByCode, new { Hash = codeHash }, transaction, cancellationToken: cancellationToken));

    /// <summary>The client's unclaimed placeholder with this id, if any.</summary>
    public static Task<PlaceholderAssertion?> PlaceholderOfClientAsync(DbTransaction transaction, string clientId, string assertionId, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryFirstOrDefaultAsync<PlaceholderAssertion>(new CommandDefinition(
            PlaceholderOfClient, new { Id = assertionId, ClientId = clientId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The client's assertions for a data export, without the signed documents; one dictionary per row.</summary>
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> ExportOfClientAsync(
        DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        ExportRows.Of(await transaction.Connection!.QueryAsync(new CommandDefinition(Export, new { Id = clientId }, transaction, cancellationToken: cancellationToken)));

    private static async Task<IReadOnlyList<AssertionRow>> OfAssessmentAsync(
        DbConnection connection, DbTransaction? transaction, string assessmentId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<AssertionRow>(new CommandDefinition(
            OfAssessment, new { AssessmentId = assessmentId }, transaction, cancellationToken: cancellationToken))).ToList();
}
