using System.Security.Cryptography;
using Amazon.S3;
using ImageProcessing.Function.Aws;

namespace ImageProcessing.Tests.Aws;

[Trait("Category", "unit")]
public sealed class S3ChecksumTests
{
    private static readonly byte[] Digest = SHA256.HashData("an upload"u8);

    [Fact]
    public void A_full_object_sha256_is_the_objects_digest_in_lowercase_hex()
    {
        var hex = Convert.ToHexStringLower(Digest);

        Assert.Equal(hex, S3Checksum.FullObjectSha256(Convert.ToBase64String(Digest), ChecksumType.FULL_OBJECT));
        Assert.Equal(hex, S3Checksum.FullObjectSha256(Convert.ToBase64String(Digest), checksumType: null));
    }

    [Fact]
    public void A_multipart_uploads_composite_checksum_is_not_the_objects_digest()
    {
        Assert.Null(S3Checksum.FullObjectSha256(Convert.ToBase64String(Digest), ChecksumType.COMPOSITE));
        Assert.Null(S3Checksum.FullObjectSha256(Convert.ToBase64String(Digest) + "-3", checksumType: null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("qZk+NkcGgWq6PiVxeFDCbJzQ2J0=")] // a SHA-1's 20 bytes
    [InlineData("3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w")] // 36 bytes
    public void Anything_but_32_bytes_of_base64_is_no_digest(string? checksum) =>
        Assert.Null(S3Checksum.FullObjectSha256(checksum, ChecksumType.FULL_OBJECT));
}
