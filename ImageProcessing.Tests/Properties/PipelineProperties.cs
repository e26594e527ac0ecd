using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ImageProcessing.Function.Events;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Properties;

/// <summary>Properties of the pure parts that must hold for every input, not just the examples.</summary>
[Trait("Category", "unit")]
public sealed class PipelineProperties
{
    private static readonly ImageFormat[] Formats = [ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Webp];
    private static readonly string[] KeySuffixes = ["", "_cover", "_web", "-x"];

    /// <summary>Any key S3 could hold: any Unicode text (keys are UTF-8), any '/', '.', '..', '+', '%' arrangement.</summary>
    private static Arbitrary<string> Keys() =>
        ArbMap.Default.GeneratorFor<NonEmptyString>()
            .Select(s => s.Get.Replace("\0", string.Empty, StringComparison.Ordinal))
            .Where(s => s.Length > 0 && Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)) == s)
            .ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Output_keys_are_under_the_output_prefix_and_never_the_input_key() =>
        Prop.ForAll(Keys(), Gen.Elements(Formats).ToArbitrary(), Gen.Elements(KeySuffixes).ToArbitrary(), (relative, format, suffix) =>
        {
            var layout = KeyLayout.Default;
            var input = layout.InputPrefix + relative;
            var output = layout.OutputKey(input, new Rendition("r", ResizeMode.None, 0, 0, KeySuffix: suffix), format);
            return output.StartsWith(layout.OutputPrefix, StringComparison.Ordinal)
                && output != input
                && !layout.IsUpload(output);
        });

    private static readonly string[] Extensions = ["", ".jpg", ".JPG", ".jpeg", ".png", ".PNG", ".webp", ".gif", ".jpg.png"];
    private static readonly string[] RuleSuffixes = ["", "_thumb", "_grayscale", "_THUMB"];

    /// <summary>
    /// Under the built-in rules an output's key is the upload's key under the output prefix, whatever the content's
    /// format: so two uploads never write the same output. Pairs share a stem and differ in extension or rule suffix,
    /// the cases a looser mapping would collapse.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Different_uploads_never_share_an_output_key() =>
        Prop.ForAll(
            (from stem in Keys().Generator
             from first in Gen.Elements(RuleSuffixes).SelectMany(suffix => Gen.Elements(Extensions).Select(extension => suffix + extension))
             from second in Gen.Elements(RuleSuffixes).SelectMany(suffix => Gen.Elements(Extensions).Select(extension => suffix + extension))
             from firstFormat in Gen.Elements(Formats)
             from secondFormat in Gen.Elements(Formats)
             select (stem, first, second, firstFormat, secondFormat)).ToArbitrary(),
            ((string Stem, string First, string Second, ImageFormat FirstFormat, ImageFormat SecondFormat) c) =>
            {
                var (a, b) = ("uploads/" + c.Stem + c.First, "uploads/" + c.Stem + c.Second);
                var (outputA, outputB) = (OutputsOf(a, c.FirstFormat), OutputsOf(b, c.SecondFormat));
                return outputA.All(output => output == "processed/" + a["uploads/".Length..])
                    && (a == b || !outputA.Intersect(outputB, StringComparer.Ordinal).Any());
            });

    private static List<string> OutputsOf(string key, ImageFormat format) =>
        [.. RuleSet.Default.Select(key).Renditions.Select(rendition => KeyLayout.Default.OutputKey(key, rendition, rendition.OutputFormat(format)))];

    /// <summary>
    /// S3 sends keys form-url-encoded (a space is '+', a '+' is "%2B"); S3 itself leaves '/' as it is, moto
    /// escapes it too. Both must decode to the key that was uploaded.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Event_keys_decode_back_to_the_key_that_was_uploaded() =>
        Prop.ForAll(Keys(), key =>
            S3Keys.Decode(FormEncode(key, keepSlash: true)) == key && S3Keys.Decode(FormEncode(key, keepSlash: false)) == key);

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Keys_encoded_for_a_reprocessing_event_decode_back_with_their_slashes() =>
        Prop.ForAll(Keys(), key =>
            S3Keys.Decode(S3Keys.Encode(key)) == key && S3Keys.Encode(key).Count(c => c == '/') == key.Count(c => c == '/'));

    [Theory]
    [InlineData("uploads/red+flower.jpg", "uploads/red flower.jpg")]
    [InlineData("uploads/a%2Bb.jpg", "uploads/a+b.jpg")]
    [InlineData("uploads%2Fx%25y.png", "uploads/x%y.png")]
    [InlineData("uploads/%E5%86%99%E7%9C%9F.jpg", "uploads/写真.jpg")]
    public void Keys_are_decoded_as_S3_encodes_them(string sent, string key) => Assert.Equal(key, S3Keys.Decode(sent));

    /// <summary>application/x-www-form-urlencoded over the UTF-8 bytes, written out here so the test does not trust .NET's encoder.</summary>
    private static string FormEncode(string key, bool keepSlash)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            encoded.Append(c switch
            {
                ' ' => "+",
                '/' when keepSlash => "/",
                _ when char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '.' or '_' => c.ToString(),
                _ => "%" + b.ToString("X2", CultureInfo.InvariantCulture),
            });
        }

        return encoded.ToString();
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property A_body_over_the_limit_is_too_large_whatever_it_contains() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), Gen.Choose(1, 64).ToArbitrary(), (content, limit) =>
        {
            var body = content.Length > limit ? content : [.. content, .. new byte[limit + 1 - content.Length]];
            var processor = new ImageProcessor(new ImageLimits { MaxBytes = limit }, RuleSet.Default, KeyLayout.Default);
            var result = processor.Process("uploads/x.png", body);
            return result.Rejection?.Code == RejectionReason.TooLarge && result.Outputs.Count == 0;
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property A_declared_size_over_the_limit_is_refused_before_a_byte_is_read() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (declaredExtra, limit) =>
        {
            using var stream = new CountingStream(new MemoryStream(TestImages.Jpeg(8, 8)));
            var processor = new ImageProcessor(new ImageLimits { MaxBytes = limit }, RuleSet.Default, KeyLayout.Default);
            var result = processor.ProcessAsync("uploads/x.jpg", stream, limit + (long)declaredExtra).GetAwaiter().GetResult();
            return result.Rejection?.Code == RejectionReason.TooLarge && stream.BytesRead == 0;
        });

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Renditions_never_enlarge() =>
        Prop.ForAll(
            (from width in Gen.Choose(1, 300)
             from height in Gen.Choose(1, 300)
             from resize in Gen.Elements(ResizeMode.Fit, ResizeMode.Cover, ResizeMode.None)
             from box in Gen.Choose(1, 600)
             select (width, height, resize, box)).ToArbitrary(),
            ((int Width, int Height, ResizeMode Resize, int Box) c) =>
            {
                var (width, height, resize, box) = c;
                var rendition = resize == ResizeMode.None
                    ? new Rendition("r", resize, 0, 0)
                    : new Rendition("r", resize, box, Math.Max(1, box / 2));
                using var image = TestImages.Gradient(width, height);
                using var content = EncodedImage.Of(image.PngsaveBuffer(keep: Enums.ForeignKeep.None));
                var traits = VipsRenderer.Inspect(content);
                var output = VipsRenderer.Render(content, ImageFormat.Png, traits, rendition, EncodingOptions.Default);
                var fits = resize == ResizeMode.None || (output.Width <= rendition.Width && output.Height <= rendition.Height);
                return output.Width <= width && output.Height <= height && fits;
            });
}
