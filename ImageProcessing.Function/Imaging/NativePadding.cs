using System.Runtime.CompilerServices;

// The padding words of libwebp's structures (decode.h, encode.h), which reserve room for later fields.
namespace ImageProcessing.Function.Imaging;

/// <summary>2 reserved 32-bit words of a native structure.</summary>
[InlineArray(2)]
internal struct Padding2
{
    private uint _element;
}

/// <summary>3 reserved 32-bit words of a native structure.</summary>
[InlineArray(3)]
internal struct Padding3
{
    private uint _element;
}

/// <summary>4 reserved 32-bit words of a native structure.</summary>
[InlineArray(4)]
internal struct Padding4
{
    private uint _element;
}

/// <summary>5 reserved 32-bit words of a native structure.</summary>
[InlineArray(5)]
internal struct Padding5
{
    private uint _element;
}

/// <summary>8 reserved 32-bit words of a native structure.</summary>
[InlineArray(8)]
internal struct Padding8
{
    private uint _element;
}
