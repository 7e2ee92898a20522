namespace MlNetDeep.Data;

/// <summary>Excludes a member from the columns of its class, as ML.NET's attribute.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class NoColumnAttribute : Attribute
{
}
