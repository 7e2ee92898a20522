using MlNetDeep.Data;

namespace MlNetDeep.Transforms;

/// <summary>Input checks shared by estimators' GetOutputSchema and transformers' Bind, so both fail with the same message.</summary>
internal static class ShapeChecks
{
    public static string Present(IEnumerable<string> names) => string.Join(", ", names);

    public static SchemaShape.Column Find(SchemaShape shape, string component, string name) =>
        shape.TryFindColumn(name, out var c) ? c
        : throw new ArgumentOutOfRangeException(nameof(shape), $"{component}: input column '{name}' not found. Columns present: {Present(shape.Select(x => x.Name))}");

    public static DataViewSchema.Column Find(DataViewSchema schema, string component, string name) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(schema),
            $"{component}: input column '{name}' not found. Columns present: {Present(schema.Where(x => !x.IsHidden).Select(x => x.Name))}");

    public static bool IsFloat(DataViewType item) => item == NumberDataViewType.Single || item == NumberDataViewType.Double;

    public static ArgumentException WrongType(string component, string name, object type, string expected) =>
        new($"{component}: input column '{name}' has type {type}; expected {expected}.");

    public static SchemaShape With(SchemaShape shape, params SchemaShape.Column[] added) => new(shape.Concat(added));
}
