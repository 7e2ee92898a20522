namespace MlNetDeep.Transforms.Text;

/// <summary>Row normalization applied after weighting (scikit-learn's <c>norm</c> parameter).</summary>
public enum VectorNorm
{
    /// <summary>No normalization (<c>norm=None</c>).</summary>
    None = 0,
    /// <summary>Divide by the sum of absolute values (<c>norm='l1'</c>).</summary>
    L1 = 1,
    /// <summary>Divide by the Euclidean length (<c>norm='l2'</c>, scikit-learn's default).</summary>
    L2 = 2,
}
