using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Processing;

/// <summary>The wall time one upload may take, from the first check to the last rendition.</summary>
internal sealed class ProcessingBudget(TimeSpan limit) : IDisposable
{
    private readonly CancellationTokenSource _timer = new(limit);

    public CancellationToken Token => _timer.Token;

    public void ThrowIfExceeded()
    {
        if (_timer.IsCancellationRequested)
        {
            throw new ProcessingBudgetExceededException("the processing budget ran out between renditions");
        }
    }

    public void Dispose() => _timer.Dispose();
}
