using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.Function.Telemetry;

/// <summary>
/// Writes one JSON object per log entry, synchronously: Lambda freezes the process as soon as the
/// handler returns, so a background log queue could hold lines back until the next invocation.
/// </summary>
public sealed class JsonLineLoggerProvider(TextWriter output, LogLevel minimumLevel = LogLevel.Information) : ILoggerProvider
{
    private readonly Lock _gate = new();

    private LogLevel MinimumLevel { get; } = minimumLevel;

    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string json)
    {
        lock (_gate)
        {
            output.WriteLine(json);
            output.Flush();
        }
    }

    private sealed class JsonLineLogger(JsonLineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("timestamp", DateTimeOffset.UtcNow);
                json.WriteString("level", logLevel.ToString());
                json.WriteString("category", category);
                json.WriteString("message", formatter(state, exception));
                if (System.Diagnostics.Activity.Current is { } activity)
                {
                    json.WriteString("traceId", activity.TraceId.ToHexString());
                    json.WriteString("spanId", activity.SpanId.ToHexString());
                }

                if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
                {
                    foreach (var (name, value) in properties)
                    {
                        if (name != "{OriginalFormat}")
                        {
                            WriteProperty(json, char.ToLowerInvariant(name[0]) + name[1..], value);
                        }
                    }
                }

                if (exception is not null)
                {
                    json.WriteString("exception", exception.GetType().FullName);
                    json.WriteString("stackTrace", exception.StackTrace);
                }

                json.WriteEndObject();
            }

            provider.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static void WriteProperty(Utf8JsonWriter json, string name, object? value)
        {
            switch (value)
            {
                case null:
                    json.WriteNull(name);
                    break;
                case int or long or double or float or decimal:
                    json.WriteNumber(name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case bool flag:
                    json.WriteBoolean(name, flag);
                    break;
                default:
                    json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
