using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;

namespace MlNetDeep.Tests;

/// <summary>The course's churn feature recipe, compared with pandas + scikit-learn (Fixtures/make_churn_fixture.py).</summary>
public class ChurnPipelineTests
{
    public sealed class Customer
    {
        [LoadColumn(0)] public float RowNumber { get; set; }
        [LoadColumn(1)] public float CustomerId { get; set; }
        [LoadColumn(2)] public string Surname { get; set; } = "";
        [LoadColumn(3)] public float CreditScore { get; set; }
        [LoadColumn(4)] public string Geography { get; set; } = "";
        [LoadColumn(5)] public string Gender { get; set; } = "";
        [LoadColumn(6)] public float Age { get; set; }
        [LoadColumn(7)] public float Tenure { get; set; }
        [LoadColumn(8)] public float Balance { get; set; }
        [LoadColumn(9)] public float NumOfProducts { get; set; }
        [LoadColumn(10)] public float HasCrCard { get; set; }
        [LoadColumn(11)] public float IsActiveMember { get; set; }
        [LoadColumn(12)] public float EstimatedSalary { get; set; }
        [LoadColumn(13)] public bool Exited { get; set; }
    }

    private static readonly string[] Numeric = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"];

    private static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.DropColumns("RowNumber", "CustomerId", "Surname")
            .Append(ml.Transforms.Categorical.OneHotEncoding(
                [new InputOutputColumnPair("Geography"), new InputOutputColumnPair("Gender")],
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue, dropFirst: true))
            .Append(ml.Transforms.Concatenate("Features", [.. Numeric, "Geography", "Gender"]))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false));

    [Fact]
    public void FeatureMatrixEqualsPandasAndScikitLearnRecipe()
    {
        var f = TestData.Fixture("churn_fixture.json");
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<Customer>(TestData.DataPath("Churn_Modelling.csv"), ',', hasHeader: true);
        int trainRows = f.GetProperty("train_rows").GetInt32();
        var train = ml.Data.TakeRows(data, trainRows);
        var model = Pipeline(ml).Fit(train);
        var output = model.Transform(data);

        // Column order and names: pandas' get_dummies names Geography_Germany where the slot is Geography.Germany.
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        output.Schema["Features"].GetSlotNames(ref slots);
        Assert.Equal(f.GetProperty("columns").Strings(), slots.DenseValues().Select(s => s.ToString().Replace('.', '_')));

        // Scaler statistics fitted on the training rows only.
        var norm = ((TransformerChain<NormalizingTransformer>)model).LastTransformer!.Columns[0];
        TestData.AssertClose(f.GetProperty("mean").Doubles(), norm.Offset.ToArray(), rtol: 1e-6, what: "mean");
        TestData.AssertClose(f.GetProperty("scale").Doubles(), norm.Scale.Select(s => 1 / s).ToArray(), rtol: 1e-6, what: "scale");

        var rows = TestData.Vectors(output, "Features");
        Assert.Equal(10000, rows.Count);
        TestData.AssertClose(f.GetProperty("first_train_rows").Doubles(), rows.Take(50).SelectMany(r => r.Select(v => (double)v)).ToArray(), atol: 1e-5, what: "train rows");
        TestData.AssertClose(f.GetProperty("first_test_rows").Doubles(), rows.Skip(trainRows).Take(50).SelectMany(r => r.Select(v => (double)v)).ToArray(), atol: 1e-5, what: "test rows");
        var sums = Enumerable.Range(0, rows[0].Length).Select(j => rows.Sum(r => (double)r[j])).ToArray();
        TestData.AssertClose(f.GetProperty("column_sums_all_rows").Doubles(), sums, atol: 1e-2, what: "column sums");
    }

    [Fact]
    public void EightyTwentySplitOfChurnIsNearProportionAndDisjoint()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<Customer>(TestData.DataPath("Churn_Modelling.csv"), ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
        var test = TestData.Column<float>(split.TestSet, "RowNumber");
        var train = TestData.Column<float>(split.TrainSet, "RowNumber");
        Assert.Equal(10000, test.Count + train.Count);
        Assert.InRange(test.Count, 1850, 2150);
        Assert.Empty(test.Intersect(train));
        var stratified = ml.Data.StratifiedTrainTestSplit(data, "Exited", 0.2, seed: 0);
        var exited = TestData.Column<bool>(stratified.TestSet, "Exited");
        Assert.Equal(2000, exited.Count);
        Assert.Equal(Math.Round(2037 * 0.2, MidpointRounding.AwayFromZero), exited.Count(e => e)); // 2037 churned customers in the file
    }

    [Fact]
    public void ChurnPipelineRoundTripsThroughAModelFile()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.TakeRows(ml.Data.LoadFromTextFile<Customer>(TestData.DataPath("Churn_Modelling.csv"), ',', hasHeader: true), 300);
        EstimatorContract.Check(Pipeline(ml), data, "Geography");
    }
}
