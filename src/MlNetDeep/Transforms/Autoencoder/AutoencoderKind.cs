namespace MlNetDeep.Transforms;

/// <summary>The encoder of an <see cref="AutoencoderEstimator"/>.</summary>
public enum AutoencoderKind
{
    /// <summary>Dense layers down to the code, the decoder mirroring them.</summary>
    Dense = 0,

    /// <summary>
    /// Conv(3×3, same) → activation → MaxPool(2) per filter count, then Flatten → Dense(code). The decoder is dense (the hidden
    /// layers mirrored, then Dense(input size)): the reconstruction is a flat vector, so no transposed convolution is needed.
    /// </summary>
    Convolutional = 1,
}
