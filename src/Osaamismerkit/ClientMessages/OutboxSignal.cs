using System.Diagnostics.CodeAnalysis;

namespace Osaamismerkit.ClientMessages;

/// <summary>Wakes the worker when a transaction that queued a message has committed, so that it need not wait to poll.</summary>
[SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim never allocates a wait handle (AvailableWaitHandle is not used), and the signal lives as long as the process.")]
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        // At most one wake is pending: many commits before the worker looks need one look.
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
