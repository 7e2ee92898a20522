using MlNetDeep.Data;
using MlNetDeep.Tests.Support;

namespace MlNetDeep.Tests.Prediction;

public class PredictionEngineTests
{
    public sealed class Input
    {
        public string City { get; set; } = "";
        public float X { get; set; }
    }

    public sealed class Output
    {
        [ColumnName("F")] public float[] Features { get; set; } = [];
    }

    private static (MLContext, IDataView, ITransformer) Fitted()
    {
        var ml = new MLContext(1);
        var rows = Enumerable.Range(0, 40).Select(i => new Input { City = "c" + (i % 4), X = i }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Categorical.OneHotEncoding("C", "City")
            .Append(ml.Transforms.Concatenate("F", "X", "C"))
            .Append(ml.Transforms.NormalizeMinMax("F"))
            .Fit(data);
        return (ml, data, model);
    }

    [Fact]
    public void EngineMatchesBatchTransform()
    {
        var (ml, data, model) = Fitted();
        var batch = TestData.Vectors(model.Transform(data), "F");
        var engine = ml.Model.CreatePredictionEngine<Input, Output>(model);
        var inputs = ml.Data.CreateEnumerable<Input>(data, reuseRowObject: false).ToList();
        for (int i = 0; i < inputs.Count; i++) Assert.Equal(batch[i], engine.Predict(inputs[i]).Features);
        // Unseen category: the one-hot part is all zeros.
        Assert.Equal([50f / 39, 0, 0, 0, 0], engine.Predict(new Input { City = "zz", X = 50 }).Features);
    }

    [Fact]
    public void EngineFromALoadedModelChecksTheInputType()
    {
        var (ml, data, model) = Fitted();
        using var ms = new MemoryStream();
        ml.Model.Save(model, data.Schema, ms);
        ms.Position = 0;
        var loaded = ml.Model.Load(ms, out var schema);
        var engine = ml.Model.CreatePredictionEngine<Input, Output>(loaded, inputSchema: schema);
        Assert.Equal(TestData.Vectors(model.Transform(data), "F")[3], engine.Predict(new Input { City = "c3", X = 3 }).Features);
        var e = Assert.Throws<ArgumentException>(() => ml.Model.CreatePredictionEngine<Output, Output>(loaded, inputSchema: schema));
        Assert.Contains("'City'", e.Message);
    }

    [Fact]
    public void PoolIsSafeAcrossThreads()
    {
        var (ml, data, model) = Fitted();
        var expected = TestData.Vectors(model.Transform(data), "F");
        var pool = ml.Model.CreatePredictionEnginePool<Input, Output>(model);
        var failures = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int r = i % 40;
            var got = pool.Predict(new Input { City = "c" + (r % 4), X = r }).Features;
            if (!got.SequenceEqual(expected[r])) Interlocked.Increment(ref failures);
        });
        Assert.Equal(0, failures);
        Assert.InRange(pool.EnginesCreated, 1, 64);
    }
}
