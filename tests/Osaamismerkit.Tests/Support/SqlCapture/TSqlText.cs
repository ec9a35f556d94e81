using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Osaamismerkit.Tests.Support.SqlCapture;

/// <summary>
/// One statement as Microsoft's T-SQL parser (ScriptDom) reads it: its parse errors, and for the lock-order check which
/// tables it reads and writes and whether it is the per-client lock. Only a parser: it says nothing of what SQL Server
/// would do with the text, which the pipeline's SQL Server job checks.
/// </summary>
public sealed class TSqlText
{
    private static readonly HashSet<string> RowKeys = new(StringComparer.OrdinalIgnoreCase) { "id", "client_id", "claim_code_hash" };

    private TSqlText(string sql, IReadOnlyList<string> errors, IReadOnlySet<string> reads, IReadOnlySet<string> writes, bool isClientLock, bool picksByKey, bool insertsClient)
    {
        InsertsClient = insertsClient;
        PicksByKey = picksByKey;
        Sql = sql;
        Errors = errors;
        Reads = reads;
        Writes = writes;
        IsClientLock = isClientLock;
    }

    public string Sql { get; }

    public IReadOnlyList<string> Errors { get; }

    /// <summary>Tables the statement reads rows of (FROM, JOIN, subqueries), lower case.</summary>
    public IReadOnlySet<string> Reads { get; }

    /// <summary>Tables the statement inserts into, updates or deletes from, lower case.</summary>
    public IReadOnlySet<string> Writes { get; }

    /// <summary>The UPDATE of clients.lock_version that takes a client's lock (ClientQueries.LockAsync).</summary>
    public bool IsClientLock { get; }

    /// <summary>
    /// The statement picks rows by a key given as a parameter (<c>id</c>, <c>client_id</c> or <c>claim_code_hash</c> =
    /// @p): one client's rows, as opposed to a sweep over every client's (a report, the expiry reminders).
    /// </summary>
    public bool PicksByKey { get; }

    /// <summary>An INSERT into clients: a client no other transaction can see before this one commits.</summary>
    public bool InsertsClient { get; }

    public static TSqlText Parse(string sql)
    {
        // Azure SQL Database takes the newest syntax; SQL Server 2022 (the pipeline's container) is version 160.
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var parseErrors);
        var errors = parseErrors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
        var tables = new Tables();
        if (errors.Count == 0)
        {
            fragment.Accept(tables);
        }

        return new TSqlText(sql, errors, tables.Reads, tables.Writes, tables.IsClientLock, tables.PicksByKey, tables.InsertsClient);
    }

    private sealed class Tables : TSqlFragmentVisitor
    {
        private readonly HashSet<TSqlFragment> _targets = [];

        public HashSet<string> Reads { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Writes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool IsClientLock { get; private set; }

        public bool PicksByKey { get; private set; }

        public bool InsertsClient { get; private set; }

        public override void Visit(BooleanComparisonExpression node)
        {
            if (node.ComparisonType == BooleanComparisonType.Equals
                && (KeyAndParameter(node.FirstExpression, node.SecondExpression) || KeyAndParameter(node.SecondExpression, node.FirstExpression)))
            {
                PicksByKey = true;
            }
        }

        public override void Visit(InsertSpecification node)
        {
            Target(node.Target);
            InsertsClient |= Name(node.Target) == "clients";
        }

        public override void Visit(UpdateSpecification node)
        {
            Target(node.Target);
            if (Name(node.Target) == "clients"
                && node.SetClauses.OfType<AssignmentSetClause>().Any(s => s.Column?.MultiPartIdentifier?.Identifiers[^1].Value.Equals("lock_version", StringComparison.OrdinalIgnoreCase) == true))
            {
                IsClientLock = true;
            }
        }

        public override void Visit(DeleteSpecification node) => Target(node.Target);

        public override void Visit(MergeSpecification node) => Target(node.Target);

        public override void Visit(NamedTableReference node)
        {
            if (!_targets.Contains(node))
            {
                Reads.Add(node.SchemaObject.BaseIdentifier.Value);
            }
        }

        // A specification is visited before its children, so its target is known before the walk meets it as a table.
        private void Target(TableReference target)
        {
            if (target is NamedTableReference named)
            {
                _targets.Add(named);
                Writes.Add(named.SchemaObject.BaseIdentifier.Value);
            }
        }

        private static bool KeyAndParameter(ScalarExpression column, ScalarExpression value) =>
            column is ColumnReferenceExpression { MultiPartIdentifier.Identifiers: [.., var last] } && RowKeys.Contains(last.Value)
            && value is VariableReference;

        private static string? Name(TableReference target) => (target as NamedTableReference)?.SchemaObject.BaseIdentifier.Value.ToLowerInvariant();
    }
}
