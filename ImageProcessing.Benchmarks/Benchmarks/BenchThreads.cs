namespace ImageProcessing.Benchmarks.Benchmarks;

/// <summary>
/// Worker threads for both libraries, from <c>BENCH_THREADS</c> (default 1). One thread is what a Lambda
/// below 1769 MB has (one vCPU at most) and keeps a shared 2-core machine's noise down.
/// </summary>
internal static class BenchThreads
{
    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_THREADS"), out var threads) && threads > 0 ? threads : 1;
}
