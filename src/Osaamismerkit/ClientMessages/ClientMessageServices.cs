namespace Osaamismerkit.ClientMessages;

public static class ClientMessageServices
{
    /// <summary>Messages to clients: the outbox written in the changes' own transactions, and the worker that sends it.</summary>
    public static IServiceCollection AddClientMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessageOptions>().Bind(configuration.GetSection(MessageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MessageComposer>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<ExpiryReminders>();
        services.AddScoped<MessageRefusals>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
