namespace MlNetDeep.Data;

/// <summary>Marks an array member as a fixed-size vector column of the given dimensions (none: variable size), as ML.NET's attribute.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class VectorTypeAttribute : Attribute
{
    /// <summary>A vector of the given dimensions.</summary>
    public VectorTypeAttribute(params int[] dimensions) => Dimensions = dimensions.Length == 0 ? [0] : [.. dimensions];

    /// <summary>The dimensions (0: variable).</summary>
    public int[] Dimensions { get; }
}
