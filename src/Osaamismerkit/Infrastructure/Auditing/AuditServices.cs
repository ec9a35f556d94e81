namespace Osaamismerkit.Infrastructure.Auditing;

public static class AuditServices
{
    /// <summary>The append-only audit log every feature writes to inside its own transaction.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<AuditLog>();
}
