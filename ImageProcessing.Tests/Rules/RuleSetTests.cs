using ImageProcessing.Function.Rules;

namespace ImageProcessing.Tests.Rules;

[Trait("Category", "unit")]
public sealed class RuleSetTests
{
    [Theory]
    [InlineData("uploads/photo.png", "fit-1024")]
    [InlineData("uploads/a/b/photo_thumb.png", "thumb-200")]
    [InlineData("uploads/PHOTO_THUMB.PNG", "thumb-200")]
    [InlineData("uploads/photo_Grayscale.jpeg", "grayscale")]
    [InlineData("uploads/photo_thumb_grayscale.webp", "grayscale")]
    [InlineData("uploads/photo_thumb.backup.png", "fit-1024")]
    [InlineData("uploads/_thumb", "thumb-200")]
    [InlineData("uploads/thumbs/photo.png", "fit-1024")]
    public void The_suffix_before_the_extension_selects_the_rule(string key, string rendition) =>
        Assert.Equal(rendition, RuleSet.Default.Select(key).Renditions.Single().Name);

    [Fact]
    public void The_default_rules_are_the_original_systems()
    {
        var byName = RuleSet.Default.Rules.SelectMany(r => r.Renditions).ToDictionary(r => r.Name);

        Assert.Equal((ResizeMode.Fit, 1024, 1024, false), (byName["fit-1024"].Resize, byName["fit-1024"].Width, byName["fit-1024"].Height, byName["fit-1024"].Grayscale));
        Assert.Equal((ResizeMode.Fit, 200, 200, false), (byName["thumb-200"].Resize, byName["thumb-200"].Width, byName["thumb-200"].Height, byName["thumb-200"].Grayscale));
        Assert.Equal((ResizeMode.None, true), (byName["grayscale"].Resize, byName["grayscale"].Grayscale));
        Assert.Equal((85, false, 85), (RuleSet.Default.Encoding.JpegQuality, RuleSet.Default.Encoding.JpegProgressive, RuleSet.Default.Encoding.WebpQuality));
        Assert.Equal((3, PngFilter.Up), (RuleSet.Default.Encoding.PngCompression, RuleSet.Default.Encoding.PngFilter));
    }

    [Fact]
    public void The_png_filter_can_be_chosen()
    {
        var rules = RuleSetLoader.Parse(
            """{ "encoding": { "pngFilter": "Paeth" }, "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none" } ] } ] }""", "test");

        Assert.Equal(PngFilter.Paeth, rules.Encoding.PngFilter);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "fit", "width": 10, "height": 10, "colour": "red" } ] } ] }""", "colour")]
    [InlineData("""{ "rules": [ { "suffix": "_thumb", "renditions": [ { "name": "a", "resize": "fit", "width": 10, "height": 10 } ] } ] }""", "a default rule with \"suffix\": \"\" is required")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "fit", "height": 10 } ] } ] }""", "rules[0].renditions[0].width: required for resize \"fit\"")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "fit", "width": 0, "height": 10 } ] } ] }""", "rules[0].renditions[0].width: must be between 1 and 16384 (got 0)")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "stretch", "width": 5, "height": 10 } ] } ] }""", "rules[0].renditions[0].resize: must be \"fit\", \"cover\" or \"none\" (got 'stretch')")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none", "format": "gif" } ] } ] }""", "rules[0].renditions[0].format")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none", "width": 5 } ] } ] }""", "width and height are not allowed with resize \"none\"")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none" }, { "name": "b", "resize": "none", "format": "webp" } ] } ] }""", "would write the same output key")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none" } ] }, { "suffix": "", "renditions": [ { "name": "b", "resize": "none" } ] } ] }""", "rules[1].suffix: '' is already used by rules[0]")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "Bad Name", "resize": "none" } ] } ] }""", "rules[0].renditions[0].name")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [] } ] }""", "rules[0].renditions: at least one rendition is required")]
    [InlineData("""{ "rules": [ { "suffix": ".png", "renditions": [ { "name": "a", "resize": "none" } ] } ] }""", "must not contain '/' or '.'")]
    [InlineData("""{ "encoding": { "jpegQuality": 101 }, "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none" } ] } ] }""", "encoding.jpegQuality: must be between 1 and 100 (got 101)")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none", "keySuffix": "../x" } ] } ] }""", "keySuffix")]
    [InlineData("""{ "encoding": { "pngFilter": "best" }, "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none" } ] } ] }""", "encoding.pngFilter: must be \"none\", \"sub\", \"up\", \"average\", \"paeth\" or \"all\" (got 'best')")]
    [InlineData("""{ "rules": [ }""", "invalid JSON")]
    [InlineData("""{ }""", "rules: at least one rule is required")]
    public void A_bad_rules_file_fails_with_a_message_pointing_at_the_problem(string json, string expected)
    {
        var error = Assert.Throws<RuleSetException>(() => RuleSetLoader.Parse(json, "rules file 'test.json'"));

        Assert.Contains("rules file 'test.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_reports_its_line()
    {
        var error = Assert.Throws<RuleSetException>(() => RuleSetLoader.Parse("{\n  \"rules\": [\n    { \"suffix\": 3 }\n  ]\n}", "rules.json"));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.rules[0].suffix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rules_file_is_reported_by_path()
    {
        var error = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load("/nonexistent/rules.json"));

        Assert.Contains("/nonexistent/rules.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_key_suffix_is_allowed_for_distinct_explicit_formats()
    {
        var rules = RuleSetLoader.Parse("""
            { "rules": [ { "suffix": "", "renditions": [
              { "name": "jpeg", "resize": "none", "format": "jpeg" },
              { "name": "webp", "resize": "none", "format": "webp" } ] } ] }
            """, "test");

        Assert.Equal(2, rules.Select("uploads/x.png").Renditions.Count);
    }

    [Fact]
    public void Equal_rules_have_one_fingerprint_whatever_the_json_looks_like()
    {
        var reordered = """
            { "rules": [
                { "renditions": [ { "height": 200, "width": 200, "resize": "fit", "name": "thumb-200" } ], "suffix": "_THUMB" },
                { "suffix": "_grayscale", "renditions": [ { "name": "grayscale", "resize": "none", "grayscale": true } ] },
                { "suffix": "", "renditions": [ { "name": "fit-1024", "resize": "fit", "width": 1024, "height": 1024 } ] } ] }
            """;

        Assert.Equal(RuleSet.Default.Fingerprint, RuleSetLoader.Parse(reordered, "test").Fingerprint);
        Assert.Matches("^[0-9a-f]{16}$", RuleSet.Default.Fingerprint);
    }

    [Theory]
    [InlineData("\"width\": 1024", "\"width\": 1000")]
    [InlineData("\"jpegQuality\": 85", "\"jpegQuality\": 80")]
    [InlineData("\"_thumb\"", "\"_small\"")]
    [InlineData("\"grayscale\": true", "\"grayscale\": false")]
    public void Any_change_to_what_the_rules_make_changes_the_fingerprint(string from, string to)
    {
        var changed = DefaultRules.Json.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(DefaultRules.Json, changed);

        Assert.NotEqual(RuleSet.Default.Fingerprint, RuleSetLoader.Parse(changed, "test").Fingerprint);
    }
}
