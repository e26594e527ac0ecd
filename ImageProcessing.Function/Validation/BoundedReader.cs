namespace ImageProcessing.Function.Validation;

/// <summary>Reads a body into memory without ever taking more than the limit plus one byte.</summary>
public static class BoundedReader
{
    private const int UnknownLengthCapacity = 256 * 1024;

    /// <summary>
    /// The content, or null when the stream holds more than <paramref name="maxBytes"/>
    /// (<c>BytesRead</c> is then limit + 1: the stream is not drained further).
    /// When <paramref name="expectedBytes"/> is right, the body is read into one array of exactly that size.
    /// </summary>
    public static async Task<(byte[]? Content, long BytesRead)> ReadAsync(
        Stream stream, long maxBytes, long? expectedBytes = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, (long)Array.MaxLength - 1);

        var limit = (int)maxBytes + 1;
        var buffer = new byte[expectedBytes is >= 0 ? (int)Math.Min(expectedBytes.Value, limit) : Math.Min(UnknownLengthCapacity, limit)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total == limit)
                {
                    return (null, total);
                }

                // Full: one more byte tells whether the body is complete without allocating a larger copy.
                var probe = new byte[1];
                if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0)
                {
                    return (buffer, total);
                }

                Array.Resize(ref buffer, (int)Math.Min(Math.Max((long)buffer.Length * 2, 1024), limit));
                buffer[total++] = probe[0];
                continue;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (total == buffer.Length ? buffer : buffer[..total], total);
            }

            total += read;
        }
    }
}
