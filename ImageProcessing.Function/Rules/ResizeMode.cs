namespace ImageProcessing.Function.Rules;

public enum ResizeMode
{
    /// <summary>Shrink to fit inside Width×Height, keeping the aspect ratio.</summary>
    Fit,

    /// <summary>Shrink to cover Width×Height, then crop the centre to exactly that box.</summary>
    Cover,

    /// <summary>Keep the full size.</summary>
    None,
}
