namespace ImageProcessing.Function.Rules;

/// <summary>The original system's rules: fit 1024×1024, <c>_thumb</c> 200×200, <c>_grayscale</c> full size, as rules JSON.</summary>
public static class DefaultRules
{
    public const string Json = """
        {
          "encoding": { "jpegQuality": 85, "jpegProgressive": false, "webpQuality": 85, "pngCompression": 3, "pngFilter": "up" },
          "rules": [
            { "suffix": "", "renditions": [ { "name": "fit-1024", "resize": "fit", "width": 1024, "height": 1024 } ] },
            { "suffix": "_thumb", "renditions": [ { "name": "thumb-200", "resize": "fit", "width": 200, "height": 200 } ] },
            { "suffix": "_grayscale", "renditions": [ { "name": "grayscale", "resize": "none", "grayscale": true } ] }
          ]
        }
        """;
}
