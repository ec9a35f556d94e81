namespace Osaamismerkit.Infrastructure.Database;

/// <summary>This process's turn to write to SQLite; disposing it lets the next writer in. Default: no turn was needed.</summary>
public readonly struct WriteTurn(SemaphoreSlim? queue) : IDisposable
{
    public void Dispose() => queue?.Release();
}
