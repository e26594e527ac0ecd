using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Turns a one-band frame upright as its EXIF orientation (2–8) says, with the pixels libvips' <c>autorot</c> gives,
/// into a frame in native memory (<see cref="NativeFrame"/>). A full-size grey JPEG is decoded whole anyway; turned
/// here, a strip of output rows at a time, each source cache line is read once per strip, where libvips' <c>rot</c>
/// walks the source a column for every output row (12 MP grey: docs/performance.md, "What the tables show").
/// </summary>
internal static class UprightFrame
{
    // Output rows per strip: a turned frame then reads 64 adjacent bytes, a cache line, of every source row.
    private const int StripRows = 64;

    /// <param name="source">Row after row, <paramref name="width"/> bytes each; may be longer (a pooled array).</param>
    public static Image Create(byte[] source, int width, int height, int orientation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(source.Length, checked(width * height), nameof(source));
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        var (uprightWidth, uprightHeight) = ExifOrientation.SwapsSides(orientation) ? (height, width) : (width, height);
        return NativeFrame.TryCreate(uprightWidth, uprightHeight, 1, frame =>
            {
                // Up to 256 KB: pooled, not left on the large-object heap by every upload.
                var strip = ArrayPool<byte>.Shared.Rent(Math.Min(StripRows, uprightHeight) * uprightWidth);
                try
                {
                    var walk = new SourceWalk(source.AsSpan(0, width * height), width, height, orientation);
                    for (var top = 0; top < uprightHeight; top += StripRows)
                    {
                        var rows = Math.Min(StripRows, uprightHeight - top);
                        var length = rows * uprightWidth;
                        walk.WriteRows(top, strip.AsSpan(0, length));
                        Marshal.Copy(strip, 0, frame + (top * uprightWidth), length);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(strip);
                }

                return true;
            })
            ?? throw new InvalidOperationException("the upright frame was not written");
    }

    /// <summary>
    /// Where the pixels of the upright frame are in the source: upright (x, y) is at origin + x·across + y·down, in bytes.
    /// </summary>
    private readonly ref struct SourceWalk
    {
        private readonly ReadOnlySpan<byte> source;
        private readonly int width;
        private readonly int height;
        private readonly int origin;
        private readonly int across;
        private readonly int down;
        private readonly int uprightWidth;
        private readonly bool swapsSides;

        public SourceWalk(ReadOnlySpan<byte> source, int width, int height, int orientation)
        {
            this.source = source;
            (this.width, this.height) = (width, height);
            (origin, across, down) = orientation switch
            {
                1 => (0, 1, width),
                2 => (width - 1, -1, width),
                3 => ((height * width) - 1, -1, -width),
                4 => ((height - 1) * width, 1, -width),
                5 => (0, width, 1),
                6 => ((height - 1) * width, -width, 1),
                7 => ((height * width) - 1, -width, -1),
                _ => (width - 1, width, -1),
            };
            swapsSides = ExifOrientation.SwapsSides(orientation);
            uprightWidth = swapsSides ? height : width;
        }

        /// <summary>Upright rows from <paramref name="top"/> on, as many as <paramref name="rows"/> holds.</summary>
        public void WriteRows(int top, Span<byte> rows)
        {
            var count = rows.Length / uprightWidth;
            if (swapsSides)
            {
                // Eight by eight through 64-bit words where whole blocks fit, pixel by pixel along the edges.
                var (blockRows, blockColumns) = (count / 8 * 8, uprightWidth / 8 * 8);
                // Column blocks outside: the strip's eight blocks of a column read whole cache lines of eight source rows.
                for (var x = 0; x < blockColumns; x += 8)
                {
                    for (var y = 0; y < blockRows; y += 8)
                    {
                        TurnBlock(top, rows, x, y);
                    }
                }

                TurnPixels(top, rows, (blockColumns, uprightWidth), (0, blockRows));
                TurnPixels(top, rows, (0, uprightWidth), (blockRows, count));
                return;
            }

            for (var y = 0; y < count; y++)
            {
                var row = rows.Slice(y * uprightWidth, uprightWidth);
                var from = origin + ((top + y) * down);
                if (across == 1)
                {
                    source.Slice(from, uprightWidth).CopyTo(row);
                    continue;
                }

                source.Slice(from - uprightWidth + 1, uprightWidth).CopyTo(row);
                row.Reverse();
            }
        }

        /// <summary>Upright pixels one at a time, in the strip's columns [left, right) and rows [first, last).</summary>
        private void TurnPixels(int top, Span<byte> rows, (int Left, int Right) columns, (int First, int Last) strip)
        {
            for (var y = strip.First; y < strip.Last; y++)
            {
                var from = origin + (columns.Left * across) + ((top + y) * down);
                var row = rows.Slice(y * uprightWidth, uprightWidth);
                for (var x = columns.Left; x < columns.Right; x++, from += across)
                {
                    row[x] = source[from];
                }
            }
        }

        /// <summary>
        /// The 8×8 block of the strip at (x, y): eight source rows read as 64-bit words, transposed byte-wise in
        /// registers (swapping 4-, 2- and 1-byte halves), each written as one word of an upright row.
        /// </summary>
        private void TurnBlock(int top, Span<byte> rows, int x, int y)
        {
            // Upright rows are source columns, left to right where down is +1 (5, 6); upright columns are source rows,
            // top to bottom where across is +width (5, 8).
            var columnsForward = down > 0;
            var rowsForward = across > 0;
            var column = columnsForward ? top + y : width - top - y - 8;
            var row = rowsForward ? x : height - x - 8;
            var rowBytes = source.Slice((row * width) + column);
            var w0 = Word(rowBytes, 0);
            var w1 = Word(rowBytes, width);
            var w2 = Word(rowBytes, 2 * width);
            var w3 = Word(rowBytes, 3 * width);
            var w4 = Word(rowBytes, 4 * width);
            var w5 = Word(rowBytes, 5 * width);
            var w6 = Word(rowBytes, 6 * width);
            var w7 = Word(rowBytes, 7 * width);

            // Byte k of word i becomes byte i of word k: the 4-, 2- and 1-byte halves swapped in turn.
            SwapPairs(ref w0, ref w4, ref w1, ref w5, ref w2, ref w6, ref w3, ref w7, 32, 0x00000000FFFFFFFFUL);
            SwapPairs(ref w0, ref w2, ref w1, ref w3, ref w4, ref w6, ref w5, ref w7, 16, 0x0000FFFF0000FFFFUL);
            SwapPairs(ref w0, ref w1, ref w2, ref w3, ref w4, ref w5, ref w6, ref w7, 8, 0x00FF00FF00FF00FFUL);

            var output = rows.Slice((y * uprightWidth) + x);
            var step = columnsForward ? uprightWidth : -uprightWidth;
            var first = columnsForward ? 0 : 7 * uprightWidth;
            Put(output, first, w0, rowsForward);
            Put(output, first + step, w1, rowsForward);
            Put(output, first + (2 * step), w2, rowsForward);
            Put(output, first + (3 * step), w3, rowsForward);
            Put(output, first + (4 * step), w4, rowsForward);
            Put(output, first + (5 * step), w5, rowsForward);
            Put(output, first + (6 * step), w6, rowsForward);
            Put(output, first + (7 * step), w7, rowsForward);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Word(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(offset, 8));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(Span<byte> bytes, int offset, ulong word, bool forward) =>
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(offset, 8), forward ? word : BinaryPrimitives.ReverseEndianness(word));

    /// <summary>One stage of the transpose: four pairs of words swap the halves <paramref name="mask"/> selects.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SwapPairs(
        ref ulong a, ref ulong b, ref ulong c, ref ulong d, ref ulong e, ref ulong f, ref ulong g, ref ulong h, int shift, ulong mask)
    {
        Swap(ref a, ref b, shift, mask);
        Swap(ref c, ref d, shift, mask);
        Swap(ref e, ref f, shift, mask);
        Swap(ref g, ref h, shift, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Swap(ref ulong low, ref ulong high, int shift, ulong mask)
    {
        var swapped = ((low >> shift) ^ high) & mask;
        low ^= swapped << shift;
        high ^= swapped;
    }
}
