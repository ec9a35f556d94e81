using System.Diagnostics.Metrics;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Support;

/// <summary>The sizes of the batches group commit records while this listener is open, from every service in the process.</summary>
public sealed class GroupCommitBatches : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _batches;
    private long _units;
    private int _largest;

    public GroupCommitBatches()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GroupCommit.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _units, size);
            int seen;
            while (size > (seen = Volatile.Read(ref _largest)) && Interlocked.CompareExchange(ref _largest, size, seen) != seen)
            {
            }
        });
        _listener.Start();
    }

    public int Largest => Volatile.Read(ref _largest);

    public override string ToString() =>
        $"{Interlocked.Read(ref _units)} issuances in {Interlocked.Read(ref _batches)} commits, at most {Largest} in one";

    public void Dispose() => _listener.Dispose();
}
