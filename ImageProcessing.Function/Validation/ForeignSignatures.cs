using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace ImageProcessing.Function.Validation;

/// <summary>
/// The byte signatures of content that has no business inside an image — a PDF, an HTML page or script, PHP, a ZIP
/// archive — found in one pass over the file. The tags match in any letter case, as browsers and PHP read them.
/// </summary>
/// <remarks>
/// Every upload is scanned whole, so the scan is vectorised (32 bytes a step where the CPU has 256-bit vectors, as
/// x64 does, 16 on arm64): a pair filter on the first two bytes of every signature leaves a handful of candidates in
/// a photo's entropy-coded data, and only those are compared in full.
/// </remarks>
public static class ForeignSignatures
{
    private static readonly Signature[] All =
    [
        new("%PDF-"u8.ToArray(), IgnoreCase: false),
        new("<script"u8.ToArray(), IgnoreCase: true),
        new("<html"u8.ToArray(), IgnoreCase: true),
        new("<?php"u8.ToArray(), IgnoreCase: true),
        new([(byte)'P', (byte)'K', 3, 4, 0x14, 0], IgnoreCase: false),
        new([(byte)'P', (byte)'K', 3, 4, 0x0A, 0], IgnoreCase: false),
    ];

    /// <summary>The offset of the first foreign signature, or -1 when there is none.</summary>
    public static int IndexOf(ReadOnlySpan<byte> content)
    {
        var position = 0;
        ref var start = ref MemoryMarshal.GetReference(content);
        // Each step reads a vector at position and one at position + 1; narrower steps and the scalar loop check the rest.
        if (Vector256.IsHardwareAccelerated)
        {
            for (; position <= content.Length - Vector256<byte>.Count - 1; position += Vector256<byte>.Count)
            {
                var candidates = PairCandidates(
                    Vector256.LoadUnsafe(ref start, (nuint)position), Vector256.LoadUnsafe(ref start, (nuint)position + 1));
                if (candidates != Vector256<byte>.Zero && FirstMatch(content, position, candidates.ExtractMostSignificantBits()) is var at and >= 0)
                {
                    return at;
                }
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; position <= content.Length - Vector128<byte>.Count - 1; position += Vector128<byte>.Count)
            {
                var candidates = PairCandidates(
                    Vector128.LoadUnsafe(ref start, (nuint)position), Vector128.LoadUnsafe(ref start, (nuint)position + 1));
                if (candidates != Vector128<byte>.Zero && FirstMatch(content, position, candidates.ExtractMostSignificantBits()) is var at and >= 0)
                {
                    return at;
                }
            }
        }

        for (; position < content.Length - 1; position++)
        {
            if (MatchesAt(content, position))
            {
                return position;
            }
        }

        return -1;
    }

    /// <summary>The first candidate lane of a step that starts a signature, or -1.</summary>
    private static int FirstMatch(ReadOnlySpan<byte> content, int position, uint candidateLanes)
    {
        for (var mask = candidateLanes; mask != 0; mask &= mask - 1)
        {
            var at = position + BitOperations.TrailingZeroCount(mask);
            if (MatchesAt(content, at))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>Lanes where the two bytes could start a signature: %P, PK, &lt;s, &lt;h, &lt;? (letters in any case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> PairCandidates(Vector256<byte> first, Vector256<byte> second)
    {
        var lowerSecond = second | Vector256.Create((byte)0x20);
        var tag = Vector256.Equals(first, Vector256.Create((byte)'<'))
            & (Vector256.Equals(lowerSecond, Vector256.Create((byte)'s'))
                | Vector256.Equals(lowerSecond, Vector256.Create((byte)'h'))
                | Vector256.Equals(second, Vector256.Create((byte)'?')));
        var pdf = Vector256.Equals(first, Vector256.Create((byte)'%')) & Vector256.Equals(second, Vector256.Create((byte)'P'));
        var zip = Vector256.Equals(first, Vector256.Create((byte)'P')) & Vector256.Equals(second, Vector256.Create((byte)'K'));
        return tag | pdf | zip;
    }

    /// <inheritdoc cref="PairCandidates(Vector256{byte}, Vector256{byte})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> PairCandidates(Vector128<byte> first, Vector128<byte> second)
    {
        var lowerSecond = second | Vector128.Create((byte)0x20);
        var tag = Vector128.Equals(first, Vector128.Create((byte)'<'))
            & (Vector128.Equals(lowerSecond, Vector128.Create((byte)'s'))
                | Vector128.Equals(lowerSecond, Vector128.Create((byte)'h'))
                | Vector128.Equals(second, Vector128.Create((byte)'?')));
        var pdf = Vector128.Equals(first, Vector128.Create((byte)'%')) & Vector128.Equals(second, Vector128.Create((byte)'P'));
        var zip = Vector128.Equals(first, Vector128.Create((byte)'P')) & Vector128.Equals(second, Vector128.Create((byte)'K'));
        return tag | pdf | zip;
    }

    private static bool MatchesAt(ReadOnlySpan<byte> content, int position)
    {
        var rest = content[position..];
        foreach (var signature in All)
        {
            if (rest.Length >= signature.Bytes.Length && signature.Matches(rest[..signature.Bytes.Length]))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Signature(byte[] Bytes, bool IgnoreCase)
    {
        public bool Matches(ReadOnlySpan<byte> candidate) =>
            IgnoreCase ? Ascii.EqualsIgnoreCase(candidate, Bytes) : candidate.SequenceEqual(Bytes);
    }
}
