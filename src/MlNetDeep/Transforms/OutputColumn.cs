namespace MlNetDeep.Transforms;

/// <summary>
/// A column a row-to-row transformer adds: its name, type and annotations, the input columns it
/// reads, and a factory that makes its getter from an input row.
/// </summary>
internal sealed record OutputColumn(string Name, MlNetDeep.Data.DataViewType Type, DataViewSchema.Annotations? Annotations, int[] Inputs, Func<DataViewRow, Delegate> MakeGetter);
