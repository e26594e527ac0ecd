using System.Globalization;
using System.Net;
using ImageProcessing.Tests.Aws;

namespace ImageProcessing.Tests.Support;

/// <summary>
/// An SNS endpoint in front of the emulator that lets the first <c>allowed</c> Publish calls through and holds
/// every later one until the caller goes away: a process using it stops, deterministically, in the middle of
/// announcing a verdict. Other actions pass straight through.
/// </summary>
internal sealed class PublishGate : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _emulator;
    private readonly CancellationTokenSource _stopped = new();
    private readonly int _allowed;
    private int _publishes;

    public PublishGate(Uri emulator, int allowed)
    {
        _allowed = allowed;
        _emulator = new HttpClient { BaseAddress = emulator };
        var port = StubHandler.FreeLoopbackPort();
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Publish calls that arrived and are held.</summary>
    public int Held => Math.Max(0, Volatile.Read(ref _publishes) - _allowed);

    public void Dispose()
    {
        _stopped.Cancel();
        _listener.Close();
        _emulator.Dispose();
        _stopped.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stopped.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (body.StartsWith("Action=Publish&", StringComparison.Ordinal) && Interlocked.Increment(ref _publishes) > _allowed)
            {
                await Task.Delay(Timeout.Infinite, _stopped.Token);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, context.Request.Url!.PathAndQuery)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            // The emulator tells services apart by the signature's credential scope: pass the signed headers on.
            foreach (var name in context.Request.Headers.AllKeys.OfType<string>().Where(name => name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase) || name == "Authorization"))
            {
                request.Headers.TryAddWithoutValidation(name, context.Request.Headers[name]);
            }

            using var response = await _emulator.SendAsync(request, _stopped.Token);
            context.Response.StatusCode = (int)response.StatusCode;
            await response.Content.CopyToAsync(context.Response.OutputStream, _stopped.Token);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The caller was killed or the gate closed: the held call is never answered.
        }
    }
}
