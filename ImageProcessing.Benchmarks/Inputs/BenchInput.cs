using NetVips;

namespace ImageProcessing.Benchmarks.Inputs;

/// <summary>One generated input: how to draw and encode it, and the file name it is stored under.</summary>
internal sealed record BenchInput(string Name, string Extension, int Width, int Height, int Seed, Func<Image, byte[]> Encode, int Orientation = 1)
{
    public Texture Texture { get; init; } = Texture.Photo;

    public string FileName => Name + Extension;

    /// <summary>
    /// The same kind of picture at half the width and height: it takes the same code paths under every rule (the
    /// JPEG shrink-on-load included), for a quarter of the work, so it warms a process up before measuring.
    /// </summary>
    public BenchInput Halved() => this with { Name = Name + "-half", Width = Width / 2, Height = Height / 2 };

    /// <summary>The pixels, drawn from the seed and then encoded; nothing depends on the machine.</summary>
    public byte[] Generate()
    {
        using var photo = PhotoSynth.Draw(Width, Height, Seed, Texture);
        if (Orientation == 1)
        {
            return Encode(photo);
        }

        // libvips writes the orientation field into the EXIF block it creates on save.
        using var oriented = photo.Mutate(image => image.Set(GValue.GIntType, "orientation", Orientation));
        return Encode(oriented);
    }

    public override string ToString() => Name;
}
