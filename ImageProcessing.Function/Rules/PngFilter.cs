namespace ImageProcessing.Function.Rules;

/// <summary>The PNG row filter applied before compression, one for the whole image (<see cref="All"/>: chosen per row).</summary>
public enum PngFilter
{
    None,
    Sub,
    Up,
    Average,
    Paeth,
    All,
}
