using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Osaamismerkit.Clients;

namespace Osaamismerkit.Infrastructure.DataProtection;

public static class DataProtectionServices
{
    /// <summary>
    /// Data Protection (contact encryption, staff cookies, form tickets and drafts) with its key ring in the data folder
    /// or in the database, encrypted at rest with the key-ring certificate when one is configured.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyRingOptions>().Bind(configuration.GetSection(KeyRingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddOptions<KeyManagementOptions>().Configure<KeyRing, DatabaseXmlRepository>((options, keyRing, database) =>
            options.XmlRepository = keyRing.InDatabase
                ? database
                : new FileSystemXmlRepository(new DirectoryInfo(keyRing.Folder), NullLoggerFactory.Instance));

        var dataProtection = services.AddDataProtection().SetApplicationName("Osaamismerkit");
        // Data Protection takes the certificate when it is registered, not from options; a setting that fails its rules
        // is left to ValidateOnStart, which names the key, instead of failing here on a file that is not there.
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true)
            && KeyRingCertificate.Load(options) is { } certificate)
        {
            // Decrypting names the certificate too: Linux has no machine store in which Data Protection could find it.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }
}
