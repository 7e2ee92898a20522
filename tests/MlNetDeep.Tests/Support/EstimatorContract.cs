using MlNetDeep.Data;

namespace MlNetDeep.Tests.Support;

/// <summary>
/// The contract every estimator passes (STYLE.md): the fitted output schema matches
/// GetOutputSchema, a missing input column fails with an error naming it (in GetOutputSchema, Fit
/// and Transform), and a save/load round trip reproduces the output exactly.
/// </summary>
public static class EstimatorContract
{
    public static ITransformer Check<T>(IEstimator<T> estimator, IDataView data, string requiredInputColumn) where T : class, ITransformer
    {
        var ml = new MLContext(seed: 1);

        // 1. Output schema agrees with the pre-fit shape and with the transformer's own GetOutputSchema.
        var shape = estimator.GetOutputSchema(SchemaShape.Create(data.Schema));
        var model = estimator.Fit(data);
        var output = model.Transform(data);
        foreach (var s in shape)
        {
            var c = output.Schema.GetColumnOrNull(s.Name);
            Assert.True(c is not null, $"GetOutputSchema promised column '{s.Name}', the output lacks it");
            var actual = SchemaShape.Create(output.Schema).Find(s.Name);
            Assert.True(s.IsKey == actual.IsKey, $"column '{s.Name}': IsKey {actual.IsKey}, shape said {s.IsKey}");
            Assert.True(s.ItemType.Equals(actual.ItemType), $"column '{s.Name}': item type {actual.ItemType}, shape said {s.ItemType}");
            Assert.True(s.Kind == actual.Kind || (s.Kind == SchemaShape.VectorKind.VariableVector && actual.Kind == SchemaShape.VectorKind.Vector),
                $"column '{s.Name}': {actual.Kind}, shape said {s.Kind}");
            foreach (var k in s.AnnotationKinds) Assert.Contains(k, actual.AnnotationKinds);
        }
        Assert.Equal(SchemaShape.Create(output.Schema).Select(c => c.Name), shape.Select(c => c.Name).Where(n => output.Schema.GetColumnOrNull(n) is not null));
        var direct = model.GetOutputSchema(data.Schema);
        Assert.Equal(output.Schema.Select(c => $"{c.Name}:{c.Type}"), direct.Select(c => $"{c.Name}:{c.Type}"));
        var rows = TestData.AllRows(output);
        Assert.NotEmpty(rows);

        // 2. A missing input column is named in the error, before and after fitting.
        var without = ml.Transforms.DropColumns(requiredInputColumn).Fit(data).Transform(data);
        var e1 = Assert.ThrowsAny<ArgumentException>(() => estimator.GetOutputSchema(SchemaShape.Create(without.Schema)));
        Assert.Contains($"'{requiredInputColumn}'", e1.Message);
        var e2 = Assert.ThrowsAny<ArgumentException>(() => estimator.Fit(without));
        Assert.Contains($"'{requiredInputColumn}'", e2.Message);
        var e3 = Assert.ThrowsAny<ArgumentException>(() => model.Transform(without));
        Assert.Contains($"'{requiredInputColumn}'", e3.Message);

        // 3. Save/load reproduces the output exactly (every column, every row).
        using var ms = new MemoryStream();
        ml.Model.Save(model, data.Schema, ms);
        ms.Position = 0;
        var loaded = ml.Model.Load(ms, out var inputSchema);
        Assert.Equal(data.Schema.Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}"), inputSchema.Select(c => $"{c.Name}:{c.Type}"));
        var reloaded = loaded.Transform(data);
        Assert.Equal(output.Schema.Select(c => $"{c.Name}:{c.Type}"), reloaded.Schema.Select(c => $"{c.Name}:{c.Type}"));
        var again = TestData.AllRows(reloaded);
        Assert.Equal(rows.Count, again.Count);
        for (int i = 0; i < rows.Count; i++) Assert.Equal(rows[i], again[i]);
        return model;
    }
}
