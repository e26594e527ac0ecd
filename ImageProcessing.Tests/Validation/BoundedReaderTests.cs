using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Validation;

[Trait("Category", "unit")]
public sealed class BoundedReaderTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(1000, null)]
    [InlineData(1000, 1000L)]
    [InlineData(1000, 10L)]
    [InlineData(1000, 5000L)]
    [InlineData(300_000, null)]
    public async Task A_body_within_the_limit_is_read_whole(int size, long? declared)
    {
        var content = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();

        var (read, count) = await BoundedReader.ReadAsync(new MemoryStream(content), maxBytes: 300_000, declared);

        Assert.Equal(content, read);
        Assert.Equal(size, count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(10L)]
    [InlineData(100L)]
    [InlineData(1_000_000L)]
    public async Task A_body_over_the_limit_stops_one_byte_past_it(long? declared)
    {
        using var stream = new CountingStream(new MemoryStream(new byte[1_000_000]));

        var (read, count) = await BoundedReader.ReadAsync(stream, maxBytes: 100, declared);

        Assert.Null(read);
        Assert.Equal(101, count);
        Assert.Equal(101, stream.BytesRead);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_accepted()
    {
        var (read, count) = await BoundedReader.ReadAsync(new MemoryStream(new byte[100]), maxBytes: 100, expectedBytes: 100);

        Assert.Equal(100, read!.Length);
        Assert.Equal(100, count);
    }
}
