using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Trainers;

namespace MlNetDeep.Tests.Trainers;

/// <summary>ml.Clustering.Trainers.KMeans: recovery of known clusters, ML.NET's output columns, seeding, convergence, model files and errors.</summary>
public class KMeansTrainerTests
{
    public sealed class Row
    {
        public int Blob { get; set; }
        [VectorType(2)] public float[] Features { get; set; } = [];
    }

    public sealed class Row1 { [VectorType(1)] public float[] Features { get; set; } = []; }

    /// <summary>Three Gaussian blobs (σ = 0.5) around (0, 0), (10, 0) and (0, 10), 50 rows each, interleaved.</summary>
    private static List<Row> Blobs(int seed = 7)
    {
        var rng = new Random(seed);
        (float X, float Y)[] centers = [(0, 0), (10, 0), (0, 10)];
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return Enumerable.Range(0, 150).Select(i => new Row
        {
            Blob = i % 3,
            Features = [(float)(centers[i % 3].X + 0.5 * Normal()), (float)(centers[i % 3].Y + 0.5 * Normal())],
        }).ToList();
    }

    private static IDataView Iris(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", "Species").Fit(Load(ml)).Transform(Load(ml));

    private static IDataView Load(MLContext ml) => ml.Data.LoadFromTextFile(TestData.DataPath("iris.csv"),
        [new TextLoader.Column("Features", DataKind.Single, 0, 3), new TextLoader.Column("Species", DataKind.String, 4)], ',', hasHeader: true);

    private static float[][] Centroids(KMeansModelParameters m)
    {
        VBuffer<float>[] c = null!;
        m.GetClusterCentroids(ref c, out int k);
        Assert.Equal(m.NumberOfClusters, k);
        return c.Take(k).Select(v => v.ToArray()).ToArray();
    }

    [Fact]
    public void ThreeBlobsAreRecoveredExactlyAndTheColumnsFollowMlNet()
    {
        var ml = new MLContext(seed: 1);
        var rows = Blobs();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Clustering.Trainers.KMeans(numberOfClusters: 3).Fit(data);
        var scored = model.Transform(data);

        Assert.Equal(new KeyDataViewType(typeof(uint), 3), scored.Schema["PredictedLabel"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), scored.Schema["Score"].Type);

        var metrics = ml.Clustering.Evaluate(scored, labelColumnName: "Blob", featureColumnName: "Features");
        Assert.Equal(1.0, metrics.NormalizedMutualInformation, 12);

        // Each centroid is its blob's mean, and Score holds ‖x − μ_c‖² with PredictedLabel = argmin + 1.
        var centroids = Centroids(model.Model);
        var keys = TestData.Column<uint>(scored, "PredictedLabel");
        var scores = TestData.Vectors(scored, "Score");
        for (int b = 0; b < 3; b++)
        {
            var members = rows.Where(r => r.Blob == b).ToList();
            var c = centroids[keys[b] - 1];
            Assert.Equal(members.Average(r => (double)r.Features[0]), c[0], 4);
            Assert.Equal(members.Average(r => (double)r.Features[1]), c[1], 4);
        }
        double inertia = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var expected = centroids.Select(c => (double)(rows[i].Features[0] - c[0]) * (rows[i].Features[0] - c[0]) + (double)(rows[i].Features[1] - c[1]) * (rows[i].Features[1] - c[1])).ToArray();
            TestData.AssertClose(expected, scores[i].Select(s => (double)s).ToArray(), 1e-5, 1e-5, $"row {i} Score");
            int nearest = Array.IndexOf(expected, expected.Min());
            Assert.Equal((uint)(nearest + 1), keys[i]);
            Assert.Equal(keys[rows[i].Blob], keys[i]); // same blob, same cluster
            inertia += expected.Min();
        }
        Assert.Equal(3, keys.Distinct().Count());
        // The evaluator's average distance is the mean of the minimum Score: the final inertia / n.
        Assert.Equal(inertia / rows.Count, metrics.AverageDistance, 4);
        Assert.Equal(model.Model.TrainingInertia[^1] / rows.Count, metrics.AverageDistance, 4);
    }

    [Fact]
    public void TheFourCentroidDistanceKernelIsBitIdenticalToTheSingleOne()
    {
        // Training assigns rows with the four-at-a-time kernel and scoring uses the single one: they
        // must agree exactly, or a training row's Score could disagree with its training cluster.
        var rng = new Random(3);
        foreach (int d in new[] { 1, 3, 7, 8, 9, 16, 33, 784 })
        {
            var a = Enumerable.Range(0, d).Select(_ => (float)(rng.NextDouble() * 200 - 100)).ToArray();
            var c4 = Enumerable.Range(0, 4 * d).Select(_ => (float)(rng.NextDouble() * 200 - 100)).ToArray();
            var four = new float[4];
            KMeansLloyd.SquaredDistances4(a, c4, four);
            for (int j = 0; j < 4; j++)
            {
                double exact = Enumerable.Range(0, d).Sum(i => (double)(a[i] - c4[j * d + i]) * (a[i] - c4[j * d + i]));
                Assert.Equal(KMeansLloyd.SquaredDistance(a, c4.AsSpan(j * d, d)), four[j]);
                Assert.Equal(exact, four[j], exact * 1e-5);
            }
        }
    }

    [Fact]
    public void PassesTheEstimatorContract()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Blobs());
        EstimatorContract.Check(ml.Clustering.Trainers.KMeans("Features", 3), data, "Features");
    }

    [Fact]
    public void TheModelFileKeepsCentroidsAndTrainingHistory()
    {
        var ml = new MLContext(seed: 3);
        var data = Iris(ml);
        var model = ml.Clustering.Trainers.KMeans(numberOfClusters: 3).Fit(data);
        using var ms = new MemoryStream();
        ml.Model.Save(model, data.Schema, ms);
        ms.Position = 0;
        var loaded = Assert.IsType<ClusteringPredictionTransformer<KMeansModelParameters>>(ml.Model.Load(ms, out _));
        Assert.Equal("Features", loaded.FeatureColumnName);
        Assert.Equal(Centroids(model.Model), Centroids(loaded.Model));
        Assert.Equal(model.Model.TrainingInertia, loaded.Model.TrainingInertia);
        Assert.Equal(model.Model.NumberOfIterations, loaded.Model.NumberOfIterations);
        Assert.Equal(model.Model.Converged, loaded.Model.Converged);
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelWhateverTheThreadCount()
    {
        float[][] Fit(int seed, int? threads, KMeansTrainer.InitializationAlgorithm init)
        {
            var ml = new MLContext(seed: 100);
            var options = new KMeansTrainer.Options { NumberOfClusters = 4, Seed = seed, NumberOfThreads = threads, InitializationAlgorithm = init };
            return Centroids(ml.Clustering.Trainers.KMeans(options).Fit(Iris(ml)).Model);
        }
        foreach (var init in new[] { KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus, KMeansTrainer.InitializationAlgorithm.Random })
        {
            var a = Fit(5, 1, init);
            Assert.Equal(a, Fit(5, 1, init)); // bit for bit
            Assert.Equal(a, Fit(5, 3, init));
            Assert.Equal(a, Fit(5, null, init));
        }

        // Enough rows for many parallel blocks and several partial-sum chunks: still bit for bit.
        var rng = new Random(4);
        var many = Enumerable.Range(0, 20000).Select(_ => new Row { Features = [(float)rng.NextDouble(), (float)(rng.NextDouble() * rng.NextDouble())] }).ToList();
        float[][] FitMany(int? threads, out KMeansModelParameters m)
        {
            var ml = new MLContext(seed: 100);
            m = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = 7, Seed = 11, NumberOfThreads = threads, OptimizationTolerance = 0 })
                .Fit(ml.Data.LoadFromEnumerable(many)).Model;
            return Centroids(m);
        }
        var single = FitMany(1, out var one);
        Assert.True(one.NumberOfIterations > 3, $"only {one.NumberOfIterations} iterations: the comparison would be weak");
        Assert.Equal(single, FitMany(2, out var two));
        Assert.Equal(one.TrainingInertia, two.TrainingInertia);
        Assert.Equal(single, FitMany(5, out _));

        // Without Options.Seed the MLContext's seed decides: equal contexts give equal models, and one
        // trainer fitted twice gives the same model.
        var m1 = new MLContext(seed: 9);
        var m2 = new MLContext(seed: 9);
        var t1 = m1.Clustering.Trainers.KMeans(numberOfClusters: 3);
        var c1 = Centroids(t1.Fit(Iris(m1)).Model);
        Assert.Equal(c1, Centroids(m2.Clustering.Trainers.KMeans(numberOfClusters: 3).Fit(Iris(m2)).Model));
        Assert.Equal(c1, Centroids(t1.Fit(Iris(m1)).Model));
    }

    [Fact]
    public void KMeansPlusPlusFollowsAHandTraceOfTheSeededDraws()
    {
        // Rows 0, 1, 2, 10, 11, 30 (one feature), k = 3, seed 123. The rule: first = rows[rng.Next(6)];
        // then u = rng.NextDouble() · ΣD², take the first row whose running ΣD² exceeds u.
        float[] x = [0, 1, 2, 10, 11, 30];
        var draws = new Random(123);
        int first = draws.Next(6);
        double u1 = draws.NextDouble(), u2 = draws.NextDouble();

        double[] d2 = x.Select(v => (double)(v - x[first]) * (v - x[first])).ToArray();
        int second = FirstExceeding(d2, u1 * d2.Sum());
        for (int i = 0; i < x.Length; i++) d2[i] = Math.Min(d2[i], (double)(x[i] - x[second]) * (x[i] - x[second]));
        int third = FirstExceeding(d2, u2 * d2.Sum());

        var centroids = KMeansLloyd.KMeansPlusPlus(x, 6, 1, 3, new Random(123), threads: 2);
        Assert.Equal(new[] { x[first], x[second], x[third] }, centroids);
        Assert.Equal(3, centroids.Distinct().Count());
    }

    [Fact]
    public void GreedyKMeansPlusPlusKeepsTheCandidateThatLowersTheInertiaMost()
    {
        // Rows 0, 1, 2, 10, 11, 30, 31, k = 3, three local trials, seed 2024: per step, three rows are
        // drawn by the D² rule (one rng.NextDouble() each), and the one leaving the lowest Σ D² is kept.
        float[] x = [0, 1, 2, 10, 11, 30, 31];
        var draws = new Random(2024);
        var chosen = new List<int> { draws.Next(x.Length) };
        double D2(int i) => chosen.Min(c => (double)(x[i] - x[c]) * (x[i] - x[c]));
        var candidatesSeen = new List<int>();
        bool greedyMattered = false;
        for (int step = 1; step < 3; step++)
        {
            var d2 = Enumerable.Range(0, x.Length).Select(D2).ToArray();
            var candidates = Enumerable.Range(0, 3).Select(_ => FirstExceeding(d2, draws.NextDouble() * d2.Sum())).ToArray();
            candidatesSeen.AddRange(candidates);
            double Potential(int cand) => Enumerable.Range(0, x.Length).Sum(i => Math.Min(d2[i], (double)(x[i] - x[cand]) * (x[i] - x[cand])));
            chosen.Add(candidates.OrderBy(Potential).ThenBy(c => Array.IndexOf(candidates, c)).First());
            greedyMattered |= chosen[^1] != candidates[0];
        }

        var centroids = KMeansLloyd.KMeansPlusPlus(x, x.Length, 1, 3, new Random(2024), threads: 2, localTrials: 3);
        Assert.Equal(chosen.Select(i => x[i]), centroids);
        // The trace is informative only if at some step the kept candidate is not the first one drawn
        // (here the second step draws rows 2, 10 and 11 and keeps 10).
        Assert.True(greedyMattered, $"candidates {string.Join(",", candidatesSeen)}");
        // One row in each group {0, 1, 2}, {10, 11}, {30, 31}: the greedy choice avoids a second seed in a group.
        Assert.Equal(3, centroids.Select(v => v < 5 ? 0 : v < 20 ? 1 : 2).Distinct().Count());
    }

    private static int FirstExceeding(double[] w, double target)
    {
        double run = 0;
        for (int i = 0; i < w.Length; i++) { run += w[i]; if (w[i] > 0 && run > target) return i; }
        throw new InvalidOperationException("no row exceeds the target");
    }

    [Fact]
    public void KMeansPlusPlusDrawsTheSecondCentroidWithProbabilityProportionalToD2()
    {
        // Rows 0, 1, 3, k = 2. Given the first centroid, the second is row j with probability
        // D²_j / ΣD²: first 0 → (1: 1/10, 3: 9/10); first 1 → (0: 1/5, 3: 4/5); first 3 → (0: 9/13, 1: 4/13).
        float[] x = [0, 1, 3];
        var counts = new int[3, 3];
        const int draws = 30000;
        for (int s = 0; s < draws; s++)
        {
            var c = KMeansLloyd.KMeansPlusPlus(x, 3, 1, 2, new Random(s), threads: 1);
            counts[Array.IndexOf(x, c[0]), Array.IndexOf(x, c[1])]++;
        }
        double[,] expected = { { 0, 0.1, 0.9 }, { 0.2, 0, 0.8 }, { 9.0 / 13, 4.0 / 13, 0 } };
        for (int f = 0; f < 3; f++)
        {
            int firsts = counts[f, 0] + counts[f, 1] + counts[f, 2];
            Assert.InRange(firsts / (double)draws, 1 / 3.0 - 0.015, 1 / 3.0 + 0.015); // uniform first draw
            for (int j = 0; j < 3; j++)
                Assert.InRange(counts[f, j] / (double)firsts, expected[f, j] - 0.02, expected[f, j] + 0.02); // ≥ 4 standard errors
        }
    }

    [Fact]
    public void IrisClustersAgreeWithTheSpecies()
    {
        var ml = new MLContext(seed: 1);
        var data = Iris(ml);
        var model = ml.Clustering.Trainers.KMeans(numberOfClusters: 3).Fit(data);
        var metrics = ml.Clustering.Evaluate(model.Transform(data), labelColumnName: "Label", featureColumnName: "Features");
        // Measured: NMI 0.7364 (ML.NET's NMI, I(label; cluster) / H(label)) after 3 Lloyd iterations, at
        // inertia 78.856: a fixed point beside scikit-learn's best KMeans(3, n_init=10) partition (inertia
        // 78.851, NMI 0.7515 by the same formula). Setosa is one cluster; versicolor and virginica overlap.
        Assert.True(metrics.NormalizedMutualInformation > 0.6, $"NMI {metrics.NormalizedMutualInformation}");
        Assert.Equal(0.7364, metrics.NormalizedMutualInformation, 4);
        Assert.InRange(model.Model.TrainingInertia[^1], 78.85, 78.86);
        Assert.True(model.Model.Converged);
        // The setosa cluster's centroid is setosa's feature mean (all 50 setosa rows and nothing else).
        Assert.Contains(Centroids(model.Model), c => Math.Abs(c[0] - 5.006) < 1e-4 && Math.Abs(c[1] - 3.428) < 1e-4 && Math.Abs(c[2] - 1.462) < 1e-4 && Math.Abs(c[3] - 0.246) < 1e-4);
    }

    public sealed class IrisInput
    {
        [LoadColumn(0)] public float SepalLength { get; set; }
        [LoadColumn(1)] public float SepalWidth { get; set; }
        [LoadColumn(2)] public float PetalLength { get; set; }
        [LoadColumn(3)] public float PetalWidth { get; set; }
        [LoadColumn(4)] public string Species { get; set; } = "";
    }

    public sealed class ClusterPrediction
    {
        public uint PredictedLabel { get; set; }
        public float[] Score { get; set; } = [];
    }

    [Fact]
    public void AnMlNetStylePipelinePredictsThroughAPredictionEngineAndASavedModel()
    {
        // The ML.NET iris clustering sample's shape: Concatenate → NormalizeMinMax → KMeans, then a
        // prediction engine with uint PredictedLabel and float[] Score.
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<IrisInput>(TestData.DataPath("iris.csv"), ',', hasHeader: true);
        var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.Clustering.Trainers.KMeans(numberOfClusters: 3));
        var model = pipeline.Fit(data);
        var kmeans = model.LastTransformer!.Model;
        var centroids = Centroids(kmeans);

        var setosa = new IrisInput { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f };
        var virginica = new IrisInput { SepalLength = 6.7f, SepalWidth = 3.0f, PetalLength = 5.8f, PetalWidth = 2.2f };
        var engine = ml.Model.CreatePredictionEngine<IrisInput, ClusterPrediction>(model);
        var p1 = engine.Predict(setosa);
        var p2 = engine.Predict(virginica);
        Assert.Equal(3, p1.Score.Length);
        Assert.NotEqual(p1.PredictedLabel, p2.PredictedLabel);
        Assert.Equal((uint)(Array.IndexOf(p1.Score, p1.Score.Min()) + 1), p1.PredictedLabel);
        // The setosa centroid (the one predicted for the setosa row) has the smallest petal length.
        Assert.Equal(centroids.Select(c => c[2]).Min(), centroids[p1.PredictedLabel - 1][2]);

        using var file = new TestData.TempFile(extension: ".zip");
        ml.Model.Save(model, data.Schema, file.Path);
        var loaded = ml.Model.Load(file.Path, out _);
        var again = ml.Model.CreatePredictionEngine<IrisInput, ClusterPrediction>(loaded).Predict(virginica);
        Assert.Equal(p2.PredictedLabel, again.PredictedLabel);
        Assert.Equal(p2.Score, again.Score);
    }

    [Fact]
    public void InertiaNeverIncreasesOverIterations()
    {
        var ml = new MLContext(seed: 1);
        var data = Iris(ml);
        foreach (var init in new[] { KMeansTrainer.InitializationAlgorithm.Random, KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus })
            foreach (int seed in new[] { 1, 2, 3 })
            {
                var m = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = 6, Seed = seed, InitializationAlgorithm = init, OptimizationTolerance = 0 }).Fit(data).Model;
                var j = m.TrainingInertia;
                Assert.Equal(m.NumberOfIterations + 1, j.Count);
                Assert.True(m.Converged);
                for (int t = 1; t < j.Count; t++) Assert.True(j[t] <= j[t - 1] * (1 + 1e-6), $"{init} seed {seed}: inertia rose from {j[t - 1]} to {j[t]} at iteration {t}");
                Assert.True(j[^1] < j[0], $"{init} seed {seed}: Lloyd iterations did not lower the inertia ({j[0]})");
            }

        var one = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = 3, Seed = 2, InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.Random, MaximumNumberOfIterations = 1 }).Fit(data).Model;
        Assert.Equal(1, one.NumberOfIterations);
        Assert.Equal(2, one.TrainingInertia.Count);
    }

    [Fact]
    public void AnEmptyClusterTakesTheFarthestRow()
    {
        // Random seeding may pick two equal rows; the duplicate centroid gets no rows and moves to the
        // row farthest from its centroid, so every cluster ends non-empty.
        var ml = new MLContext(seed: 1);
        var rows = new float[] { 0, 0, 0, 0, 5, 100 }.Select(v => new Row1 { Features = [v] }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        for (int seed = 0; seed < 20; seed++)
        {
            var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = 3, Seed = seed, InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.Random }).Fit(data);
            Assert.Equal(new float[] { 0, 5, 100 }, Centroids(model.Model).Select(c => c[0]).Order().ToArray());
        }
    }

    [Fact]
    public void NonFiniteFeaturesAtScoringGiveAMissingKeyAndNaNScores()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Clustering.Trainers.KMeans(numberOfClusters: 3).Fit(ml.Data.LoadFromEnumerable(Blobs()));
        var scored = model.Transform(ml.Data.LoadFromEnumerable(new[] { new Row { Features = [float.NaN, 1] }, new Row { Features = [10, 0] } }));
        Assert.Equal(0u, TestData.Column<uint>(scored, "PredictedLabel")[0]);
        Assert.All(TestData.Vectors(scored, "Score")[0], s => Assert.True(float.IsNaN(s)));
        Assert.NotEqual(0u, TestData.Column<uint>(scored, "PredictedLabel")[1]);
    }

    [Fact]
    public void ErrorsNameTheProblem()
    {
        var ml = new MLContext(seed: 1);
        var three = ml.Data.LoadFromEnumerable(new[] { 1f, 2f, 3f }.Select(v => new Row1 { Features = [v] }).ToList());
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans(numberOfClusters: 5).Fit(three));
        Assert.Contains("numberOfClusters=5", e.Message);
        Assert.Contains("(3)", e.Message);

        var same = ml.Data.LoadFromEnumerable(new[] { 1f, 1f, 2f }.Select(v => new Row1 { Features = [v] }).ToList());
        e = Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans(numberOfClusters: 3).Fit(same));
        Assert.Contains("distinct feature vectors (2)", e.Message);

        e = Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans("Pixels", 2).Fit(three));
        Assert.Contains("'Pixels'", e.Message);
        e = Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans("Pixels", 2).GetOutputSchema(SchemaShape.Create(three.Schema)));
        Assert.Contains("'Pixels'", e.Message);

        var nan = ml.Data.LoadFromEnumerable(new[] { 1f, 2f, float.NaN, 4f }.Select(v => new Row1 { Features = [v] }).ToList());
        e = Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans(numberOfClusters: 2).Fit(nan));
        Assert.Contains("row 2", e.Message);
        Assert.Contains("'Features'", e.Message);

        var wrongType = ml.Data.LoadFromEnumerable(new[] { new Row { Blob = 1, Features = [1, 2] } });
        e = Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans("Blob", 2).Fit(wrongType));
        Assert.Contains("'Blob'", e.Message);

        // Scoring data whose features have another length than the training data.
        var model = ml.Clustering.Trainers.KMeans(numberOfClusters: 2).Fit(three);
        e = Assert.ThrowsAny<ArgumentException>(() => model.Transform(wrongType));
        Assert.Contains("'Features'", e.Message);

        Assert.Contains("numberOfClusters=0", Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans(numberOfClusters: 0)).Message);
        Assert.Contains("maximumNumberOfIterations=0", Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { MaximumNumberOfIterations = 0 })).Message);
        Assert.Contains("optimizationTolerance=-1", Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { OptimizationTolerance = -1 })).Message);
        Assert.Contains("numberOfThreads=0", Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfThreads = 0 })).Message);
    }
}
