using System.Diagnostics;

namespace Osaamismerkit.Bench;

/// <summary>How many times per second an in-process operation runs on every core at once, for a fixed time.</summary>
internal static class SignRate
{
    public static double Measure(int threads, TimeSpan warmUp, TimeSpan duration, Action operation)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        long CountInWindow()
        {
            long count = 0;
            while (true)
            {
                operation();
                var now = Stopwatch.GetTimestamp();
                if (now >= measureTo)
                {
                    return count;
                }

                if (now >= measureFrom)
                {
                    count++;
                }
            }
        }

        var counts = new long[threads];
        // Named, so that a profiler (perf's comm column) can leave the raw-sign windows out of the issuance profile.
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => counts[t] = CountInWindow()) { IsBackground = true, Name = "raw-sign" }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return counts.Sum() / duration.TotalSeconds;
    }
}
