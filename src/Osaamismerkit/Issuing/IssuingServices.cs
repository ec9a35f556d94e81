namespace Osaamismerkit.Issuing;

public static class IssuingServices
{
    /// <summary>Signed assertions and the claim codes through which clients take them.</summary>
    public static IServiceCollection AddIssuing(this IServiceCollection services)
    {
        services.AddScoped<AssertionIssuer>();
        services.AddScoped<BadgeClaims>();
        services.AddScoped<PhoneRecipientReissue>();
        return services;
    }
}
