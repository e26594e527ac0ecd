using System.Text;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Tests.Validation;

[Trait("Category", "unit")]
public sealed class ForeignSignaturesTests
{
    private static readonly byte[][] Signatures =
    [
        "%PDF-"u8.ToArray(),
        "<script"u8.ToArray(),
        "<html"u8.ToArray(),
        "<?php"u8.ToArray(),
        [(byte)'P', (byte)'K', 3, 4, 0x14, 0],
        [(byte)'P', (byte)'K', 3, 4, 0x0A, 0],
    ];

    /// <summary>Each shares a signature's first two bytes, so it passes the vectorised pair filter.</summary>
    private static readonly string[] NearMisses = ["<s", "<h", "<?", "%P", "PK", "PK\u0003\u0004\u0014", "<scrip", "<htm", "%PDF"];

    public static TheoryData<int> SignatureIndexes => [.. Enumerable.Range(0, Signatures.Length)];

    [Theory]
    [MemberData(nameof(SignatureIndexes))]
    public void Every_signature_is_found_at_every_offset_of_a_short_and_a_long_file(int index)
    {
        var signature = Signatures[index];
        foreach (var length in new[] { signature.Length, 40, 1000 })
        {
            for (var offset = 0; offset + signature.Length <= length; offset++)
            {
                var content = Noise(length, seed: offset);
                signature.CopyTo(content, offset);

                Assert.Equal(offset, ForeignSignatures.IndexOf(content));
            }
        }
    }

    [Theory]
    [InlineData("<SCRIPT")]
    [InlineData("<ScRiPt")]
    [InlineData("<HTML")]
    [InlineData("<Html")]
    [InlineData("<?PHP")]
    public void Tags_match_in_any_letter_case(string tag) => Assert.Equal(77, FindPlanted(tag, length: 200, at: 77));

    [Fact]
    public void The_pdf_header_is_case_sensitive_as_pdf_readers_are() => Assert.Equal(-1, FindPlanted("%pdf-", length: 200, at: 50));

    [Fact]
    public void The_first_of_several_signatures_is_reported()
    {
        var content = Noise(300, seed: 3);
        "<?php"u8.CopyTo(content.AsSpan(250));
        "%PDF-"u8.CopyTo(content.AsSpan(90));
        "<html"u8.CopyTo(content.AsSpan(91 + 5));

        Assert.Equal(90, ForeignSignatures.IndexOf(content));
    }

    [Fact]
    public void A_signature_cut_off_by_the_end_of_the_file_is_not_a_match() => Assert.Equal(-1, FindPlanted("<scrip", length: 64, at: 58));

    [Fact]
    public void Agrees_with_a_plain_search_over_many_files_of_near_misses()
    {
        var nearMisses = NearMisses.Select(Encoding.ASCII.GetBytes).ToArray();
        var random = new Random(5);
        for (var file = 0; file < 300; file++)
        {
            var content = Noise(random.Next(1, 700), seed: file);
            for (var planted = random.Next(0, 12); planted > 0; planted--)
            {
                var piece = random.Next(4) == 0 ? Signatures[random.Next(Signatures.Length)] : nearMisses[random.Next(nearMisses.Length)];
                var at = random.Next(0, content.Length);
                piece.AsSpan(0, Math.Min(piece.Length, content.Length - at)).CopyTo(content.AsSpan(at));
            }

            Assert.Equal(PlainSearch(content), ForeignSignatures.IndexOf(content));
        }
    }

    [Fact]
    public void Empty_and_one_byte_files_hold_nothing()
    {
        Assert.Equal(-1, ForeignSignatures.IndexOf([]));
        Assert.Equal(-1, ForeignSignatures.IndexOf("<"u8));
    }

    /// <summary>Where the scan finds anything in noise of the given length with the text written at the offset.</summary>
    private static int FindPlanted(string text, int length, int at)
    {
        var content = Noise(length, seed: at);
        Encoding.ASCII.GetBytes(text).CopyTo(content, at);
        return ForeignSignatures.IndexOf(content);
    }

    private static int PlainSearch(byte[] content)
    {
        for (var at = 0; at < content.Length; at++)
        {
            foreach (var signature in Signatures)
            {
                var rest = content.AsSpan(at);
                if (rest.Length < signature.Length)
                {
                    continue;
                }

                var candidate = rest[..signature.Length];
                var matches = signature[0] == (byte)'<' ? Ascii.EqualsIgnoreCase(candidate, signature) : candidate.SequenceEqual(signature);
                if (matches)
                {
                    return at;
                }
            }
        }

        return -1;
    }

    /// <summary>Random bytes with no '%', '&lt;' or 'P', so no signature can occur by chance.</summary>
    private static byte[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'%' or (byte)'<' or (byte)'P')
            {
                bytes[i] = 0x7F;
            }
        }

        return bytes;
    }
}
