namespace MlNetDeep.Data;

/// <summary>Element type of an IDX file: the third byte of its magic number.</summary>
public enum IdxDataType : byte
{
    /// <summary>Unsigned byte (MNIST's images and labels).</summary>
    UnsignedByte = 0x08,
    SignedByte = 0x09,
    /// <summary>Big-endian 16-bit integer.</summary>
    Int16 = 0x0B,
    /// <summary>Big-endian 32-bit integer.</summary>
    Int32 = 0x0C,
    /// <summary>Big-endian IEEE 754 single.</summary>
    Single = 0x0D,
    /// <summary>Big-endian IEEE 754 double.</summary>
    Double = 0x0E,
}
