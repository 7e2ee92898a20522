using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Trainers;
using MlNetDeep.Training;
using MlNetDeep.Transforms;
using ActivationKind = MlNetDeep.Torch.Nn.ActivationKind;
using Initializer = MlNetDeep.Torch.Nn.Initializer;

namespace MlNetDeep.Tests.Trainers;

/// <summary>The ANN trainers on real data (churn, iris, breast cancer) and the deep-trainer contract.</summary>
[Collection("Training")]
public class AnnTrainerTests
{
    public sealed class Iris
    {
        [LoadColumn(0, 3), VectorType(4)] public float[] Measurements { get; set; } = [];
        [LoadColumn(4)] public string Species { get; set; } = "";
    }

    public sealed class Tumour
    {
        [LoadColumn(0, 29), VectorType(30)] public float[] Measurements { get; set; } = [];
        [LoadColumn(30)] public string Diagnosis { get; set; } = "";
    }

    public sealed class Row
    {
        [VectorType(4)] public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public float Target { get; set; }
        public string Kind { get; set; } = "";
    }

    /// <summary>y = x0 + 0.5·x1 − x2·x3 &gt; 0 (binary), its value (regression) and a 3-way text class of it.</summary>
    private static List<Row> Synthetic(int rows, int seed = 3)
    {
        var rng = new Random(seed);
        var list = new List<Row>();
        for (int r = 0; r < rows; r++)
        {
            var x = Enumerable.Range(0, 4).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            var v = x[0] + 0.5f * x[1] - x[2] * x[3];
            list.Add(new Row { Features = x, Label = v > 0, Target = v, Kind = v < -0.4f ? "low" : v > 0.4f ? "high" : "mid" });
        }
        return list;
    }

    private static AnnOptions Small(string label, int epochs = 30) => new()
    {
        LabelColumnName = label, HiddenLayers = [16], Epochs = epochs, BatchSize = 16, LearningRate = 0.01, Verbosity = Verbosity.Silent,
    };

    [Fact]
    public void ChurnCourseNetworkReachesTheCourseAccuracy()
    {
        // The course's recipe, as samples/ChurnAnn runs it (seed 1): one-hot drop-first, standardize on the training rows,
        // 11-7-6-1 ReLU, Adam 0.01, batch 10, 33 % validation, early stopping (patience 20, best weights restored).
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<ChurnPipelineTests.Customer>(TestData.DataPath("Churn_Modelling.csv"), ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
        string[] numeric = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"];
        using var earlyStopping = new EarlyStopping(patience: 20, restoreBestWeights: true);
        var pipeline = ml.Transforms.DropColumns("RowNumber", "CustomerId", "Surname")
            .Append(ml.Transforms.Categorical.OneHotEncoding([new InputOutputColumnPair("Geography"), new InputOutputColumnPair("Gender")],
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue, dropFirst: true))
            .Append(ml.Transforms.Concatenate("Features", [.. numeric, "Geography", "Gender"]))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false))
            .Append(ml.BinaryClassification.Trainers.Ann(new AnnOptions
            {
                LabelColumnName = "Exited", HiddenLayers = [7, 6], Initializer = Initializer.XavierUniform, LearningRate = 0.01, BatchSize = 10,
                Epochs = 500, ValidationFraction = 0.33, Callbacks = { earlyStopping }, Verbosity = Verbosity.Silent,
            }));
        var model = pipeline.Fit(split.TrainSet);
        var network = model.LastTransformer!.Model;
        Assert.Equal(11, network.InputShape[0]);
        Assert.Equal(7 * 11 + 7 + 6 * 7 + 6 + 6 + 1, network.SummaryTable().TotalParameters);
        Assert.True(network.History.StoppedEarly);
        Assert.Equal(earlyStopping.BestEpoch + 20, network.History.EpochCount - 1); // Keras: stops `patience` epochs after the best

        var scored = model.Transform(split.TestSet);
        var labels = TestData.Column<bool>(scored, "Exited").ToArray();
        var metrics = BinaryClassificationEvaluator.Evaluate(labels, TestData.Column<float>(scored, "Score").ToArray(), TestData.Column<bool>(scored, "PredictedLabel").ToArray());
        Assert.True(metrics.Accuracy >= 0.855, $"test accuracy {metrics.Accuracy:F4}");
        Assert.True(metrics.AreaUnderRocCurve >= 0.83, $"AUC {metrics.AreaUnderRocCurve:F4}");
        // Probability is the sigmoid of Score.
        var s = TestData.Column<float>(scored, "Score");
        var p = TestData.Column<float>(scored, "Probability");
        for (int i = 0; i < 50; i++) Assert.Equal(1 / (1 + Math.Exp(-s[i])), p[i], 5);
    }

    [Fact]
    public void IrisSoftmaxAnnPredictsSpeciesNames()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Iris>(TestData.DataPath("iris.csv"), ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.3, seed: 0);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features", "Measurements", fixZero: false)
            .Append(ml.MulticlassClassification.Trainers.Ann(new AnnOptions
            {
                LabelColumnName = "Species", HiddenLayers = [16], Epochs = 200, BatchSize = 8, LearningRate = 0.01, Verbosity = Verbosity.Silent,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedSpecies", "PredictedLabel"));
        var model = pipeline.Fit(split.TrainSet);
        var scored = model.Transform(split.TestSet);
        var truth = TestData.Column<ReadOnlyMemory<char>>(scored, "Species").Select(t => t.ToString()).ToList();
        var predicted = TestData.Column<ReadOnlyMemory<char>>(scored, "PredictedSpecies").Select(t => t.ToString()).ToList();
        Assert.True(truth.Count >= 35);
        Assert.Subset(new HashSet<string> { "setosa", "versicolor", "virginica" }, predicted.ToHashSet());
        var accuracy = truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Count;
        Assert.True(accuracy >= 0.93, $"test accuracy {accuracy:F4}");
        // Score holds probabilities (softmax) and PredictedLabel is their arg-max.
        var scores = TestData.Vectors(scored, "Score");
        var keys = TestData.Column<uint>(scored, "PredictedLabel");
        for (int i = 0; i < scores.Count; i++)
        {
            Assert.Equal(1.0, scores[i].Sum(), 5);
            Assert.Equal(Array.IndexOf(scores[i], scores[i].Max()) + 1, (int)keys[i]);
        }
    }

    [Fact]
    public void BreastCancerAnnWithTextLabels()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Tumour>(TestData.DataPath("breast_cancer.csv"), ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 0);
        var model = ml.Transforms.NormalizeMeanVariance("Features", "Measurements", fixZero: false)
            .Append(ml.MulticlassClassification.Trainers.Ann(new AnnOptions
            {
                LabelColumnName = "Diagnosis", HiddenLayers = [16, 8], Epochs = 40, BatchSize = 16, LearningRate = 0.005, Verbosity = Verbosity.Silent,
            }))
            .Fit(split.TrainSet);
        Assert.Equal(["malignant", "benign"], model.LastTransformer!.Model.Labels.ClassNames!);
        var scored = ml.Transforms.Conversion.MapKeyToValue("Predicted", "PredictedLabel").Fit(model.Transform(split.TestSet)).Transform(model.Transform(split.TestSet));
        var truth = TestData.Column<ReadOnlyMemory<char>>(scored, "Diagnosis").Select(t => t.ToString()).ToList();
        var predicted = TestData.Column<ReadOnlyMemory<char>>(scored, "Predicted").Select(t => t.ToString()).ToList();
        var accuracy = truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Count;
        Assert.True(truth.Count > 100);
        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:F4}");
    }

    [Fact]
    public void RegressionAnnFitsASmoothFunction()
    {
        var ml = new MLContext(seed: 2);
        var train = ml.Data.LoadFromEnumerable(Synthetic(800));
        var test = ml.Data.LoadFromEnumerable(Synthetic(200, seed: 9));
        var model = ml.Regression.Trainers.Ann(Small("Target", 60)).Fit(train);
        var scored = model.Transform(test);
        var metrics = RegressionEvaluator.Evaluate(TestData.Column<float>(scored, "Target").ToArray(), TestData.Column<float>(scored, "Score").ToArray());
        Assert.True(metrics.RSquared >= 0.95, $"R² {metrics.RSquared:F4}");
    }

    [Fact]
    public void SameSeedSamePredictionsOtherSeedOthers()
    {
        var ml = new MLContext(seed: 5);
        var data = ml.Data.LoadFromEnumerable(Synthetic(300));
        float[] Scores(int seed)
        {
            var o = Small("Label", 5);
            o.Seed = seed;
            o.Dropout = 0.2;
            return TestData.Column<float>(ml.BinaryClassification.Trainers.Ann(o).Fit(data).Transform(data), "Score").ToArray();
        }
        var a = Scores(11);
        Assert.Equal(a, Scores(11));
        Assert.NotEqual(a, Scores(12));
        // The context's seed sequence also reproduces: two contexts with the same seed give the same model.
        float[] FromContext() => TestData.Column<float>(new MLContext(seed: 7).BinaryClassification.Trainers.Ann(Small("Label", 3)).Fit(data).Transform(data), "Score").ToArray();
        Assert.Equal(FromContext(), FromContext());
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("multiclass")]
    [InlineData("regression")]
    public void PassesTheEstimatorContract(string task)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Synthetic(120));
        IEstimator<DeepPredictionTransformer> trainer = task switch
        {
            "binary" => ml.BinaryClassification.Trainers.Ann(Small("Label", 3)),
            "multiclass" => ml.MulticlassClassification.Trainers.Ann(Small("Kind", 3)),
            _ => ml.Regression.Trainers.Ann(Small("Target", 3)),
        };
        var model = (DeepPredictionTransformer)EstimatorContract.Check(trainer, data, "Features");
        var output = model.Transform(data);
        Assert.Equal(task switch { "binary" => ["Score", "Probability", "PredictedLabel"], "multiclass" => ["Score", "PredictedLabel"], _ => new[] { "Score" } },
            output.Schema.Skip(data.Schema.Count).Select(c => c.Name));
    }

    [Fact]
    public void MissingLabelIsNamedWithItsRow()
    {
        var ml = new MLContext(seed: 1);
        var rows = Synthetic(20);
        rows[7].Target = float.NaN;
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Regression.Trainers.Ann(Small("Target", 1)).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("'Target'", e.Message);
        Assert.Contains("row 7", e.Message);
        var wrong = Assert.ThrowsAny<ArgumentException>(() => ml.BinaryClassification.Trainers.Ann(Small("Kind", 1)).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("'Kind'", wrong.Message);
    }

    [Fact]
    public void ThresholdMovesPredictedLabelAndSurvivesSaving()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Synthetic(200));
        var model = ml.BinaryClassification.Trainers.Ann(Small("Label", 10)).Fit(data);
        var strict = model.WithThreshold(1.5f);
        var scores = TestData.Column<float>(strict.Transform(data), "Score");
        var labels = TestData.Column<bool>(strict.Transform(data), "PredictedLabel");
        Assert.Equal(scores.Select(s => s > 1.5f), labels);
        Assert.True(TestData.Column<bool>(model.Transform(data), "PredictedLabel").Count(b => b) > labels.Count(b => b));
        using var ms = new MemoryStream();
        ml.Model.Save(strict, data.Schema, ms);
        ms.Position = 0;
        var loaded = ml.Model.Load(ms, out _);
        Assert.Equal(labels, TestData.Column<bool>(loaded.Transform(data), "PredictedLabel"));
        Assert.Throws<InvalidOperationException>(() => ml.Regression.Trainers.Ann(Small("Target", 1)).Fit(data).WithThreshold(1));
    }

    [Fact]
    public void PredictionEngineMatchesTheBatchTransform()
    {
        var ml = new MLContext(seed: 1);
        var rows = Synthetic(100);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.MulticlassClassification.Trainers.Ann(Small("Kind", 5)).Fit(data);
        var batch = TestData.Vectors(model.Transform(data), "Score");
        using var engine = ml.Model.CreatePredictionEngine<Row, MulticlassPrediction>(model);
        for (int i = 0; i < 10; i++) Assert.Equal(batch[i], engine.Predict(rows[i]).Score);
    }

    [Fact]
    public void TextLabelsMapBackAfterSaveAndLoad()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Synthetic(150));
        var model = ml.MulticlassClassification.Trainers.Ann(Small("Kind", 20)).Fit(data);
        Assert.Equal(Synthetic(150).Select(r => r.Kind).Distinct(), model.Model.Labels.ClassNames!); // order of first occurrence, as ValueToKey
        using var ms = new MemoryStream();
        ml.Model.Save(model, data.Schema, ms);
        ms.Position = 0;
        var loaded = ml.Model.Load(ms, out _);
        List<string> Names(ITransformer t)
        {
            var scored = t.Transform(data);
            var mapped = ml.Transforms.Conversion.MapKeyToValue("Name", "PredictedLabel").Fit(scored).Transform(scored);
            return TestData.Column<ReadOnlyMemory<char>>(mapped, "Name").Select(n => n.ToString()).ToList();
        }
        var before = Names(model);
        Assert.Equal(before, Names(loaded));
        var truth = TestData.Column<ReadOnlyMemory<char>>(data, "Kind").Select(n => n.ToString()).ToList();
        Assert.True(truth.Zip(before).Count(p => p.First == p.Second) >= 0.8 * truth.Count, "training accuracy on 3 text classes");
    }

    [Fact]
    public void BatchedScoringCrossesBatchesAndKeepsInputColumns()
    {
        var ml = new MLContext(seed: 1);
        var rows = Synthetic(DeepPredictionTransformer.ScoringBatchSize * 2 + 37);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Regression.Trainers.Ann(Small("Target", 2)).Fit(data);
        var scored = model.Transform(data);
        Assert.Equal(rows.Select(r => r.Target), TestData.Column<float>(scored, "Target"));
        Assert.Equal(rows.Select(r => r.Features), TestData.Vectors(scored, "Features"));
        var scores = TestData.Column<float>(scored, "Score");
        Assert.Equal(rows.Count, scores.Count);
        using var engine = ml.Model.CreatePredictionEngine<Row, RegressionPrediction>(model);
        foreach (var i in new[] { 0, 255, 256, 511, 512, rows.Count - 1 })
            Assert.Equal(scores[i], engine.Predict(rows[i]).Score, 5);
    }

    public sealed class RegressionPrediction
    {
        public float Score { get; set; }
    }

    public sealed class MulticlassPrediction
    {
        public float[] Score { get; set; } = [];
    }

    [Fact]
    public void OptionsAreCheckedWithTheirNameAndValue()
    {
        var ml = new MLContext(seed: 1);
        void Bad(Action<AnnOptions> change, string expected)
        {
            var o = Small("Label");
            change(o);
            var e = Assert.ThrowsAny<ArgumentException>(() => ml.BinaryClassification.Trainers.Ann(o));
            Assert.Contains(expected, e.Message);
        }
        Bad(o => o.Epochs = 0, "Epochs=0");
        Bad(o => o.BatchSize = -3, "BatchSize=-3");
        Bad(o => o.LearningRate = double.NaN, "LearningRate=NaN");
        Bad(o => o.Dropout = 1.5, "Dropout=1.5");
        Bad(o => o.ValidationFraction = 1, "ValidationFraction=1");
        Bad(o => o.HiddenLayers = [4, 0], "HiddenLayers[1]=0");
        Bad(o => o.Activations = [ActivationKind.Tanh, ActivationKind.Relu], "Activations=2 activations");
        Bad(o => o.Device = "gpu", "Device='gpu'");
        var loss = Assert.ThrowsAny<ArgumentException>(() => ml.BinaryClassification.Trainers.Ann(new AnnOptions { Loss = LossKind.MeanSquaredError }).Fit(ml.Data.LoadFromEnumerable(Synthetic(10))));
        Assert.Contains("Loss=MeanSquaredError", loss.Message);
    }

    [Fact]
    public void UnavailableDeviceFailsInsteadOfFallingBack()
    {
        if (MlNetDeep.Torch.Torch.CudaDeviceCount > 7) return;
        var ml = new MLContext(seed: 1);
        var o = Small("Label", 1);
        o.Device = "cuda:7";
        var e = Assert.Throws<InvalidOperationException>(() => ml.BinaryClassification.Trainers.Ann(o).Fit(ml.Data.LoadFromEnumerable(Synthetic(10))));
        Assert.Contains("cuda:7", e.Message);
    }

    [Fact]
    public void CancellationStopsTraining()
    {
        var ml = new MLContext(seed: 1);
        using var cts = new CancellationTokenSource();
        var o = Small("Label", 1000);
        var batches = 0;
        o.Callbacks.Add(new LambdaCallback(onBatchEnd: (_, _) => { if (++batches == 5) cts.Cancel(); }));
        o.CancellationToken = cts.Token;
        Assert.ThrowsAny<OperationCanceledException>(() => ml.BinaryClassification.Trainers.Ann(o).Fit(ml.Data.LoadFromEnumerable(Synthetic(100))));
        Assert.Equal(5, batches);
    }

    [Fact]
    public void ValidationDataAndHistoryAreRecorded()
    {
        var ml = new MLContext(seed: 1);
        var o = Small("Kind", 4);
        o.ValidationData = ml.Data.LoadFromEnumerable(Synthetic(50, seed: 4));
        var model = ml.MulticlassClassification.Trainers.Ann(o).Fit(ml.Data.LoadFromEnumerable(Synthetic(200)));
        var history = model.Model.History;
        Assert.Equal(4, history.EpochCount);
        Assert.Equal(50, history.ValidationRows);
        Assert.Equal(200, history.TrainingRows);
        Assert.Contains("val_accuracy", history.Keys);
        Assert.Contains("Linear", model.Model.Summary());
    }
}
