namespace MlNetDeep.Data;

/// <summary>The column name a member maps to (default: the member's name), as ML.NET's attribute.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class ColumnNameAttribute(string name) : Attribute
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;
}
