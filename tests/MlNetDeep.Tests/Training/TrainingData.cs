using System.Globalization;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Training;

/// <summary>Small real and synthetic data sets for the training tests, and parameter helpers.</summary>
internal static class TrainingData
{
    /// <summary>A file of the repository, found by walking up from the test binaries.</summary>
    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above the test binaries.");
    }

    /// <summary>Iris: 4 features standardized with the training rows' statistics, species as 0..2; a seeded 120/30 split.</summary>
    public static (float[] TrainX, long[] TrainY, float[] TestX, long[] TestY) Iris()
    {
        var species = new List<string>();
        var rows = File.ReadLines(RepoFile("data/iris.csv")).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            if (!species.Contains(f[4])) species.Add(f[4]);
            return (X: f.Take(4).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray(), Y: (long)species.IndexOf(f[4]));
        }).ToList();
        var rng = new Random(0);
        rows = rows.OrderBy(_ => rng.Next()).ToList();
        var train = rows.Take(120).ToList();
        var test = rows.Skip(120).ToList();
        var mean = new float[4];
        var std = new float[4];
        for (int j = 0; j < 4; j++)
        {
            mean[j] = train.Average(r => r.X[j]);
            std[j] = (float)Math.Sqrt(train.Average(r => (r.X[j] - mean[j]) * (r.X[j] - mean[j])));
        }
        float[] Features(List<(float[] X, long Y)> part) => part.SelectMany(r => r.X.Select((v, j) => (v - mean[j]) / std[j])).ToArray();
        return (Features(train), train.Select(r => r.Y).ToArray(), Features(test), test.Select(r => r.Y).ToArray());
    }

    /// <summary>A seeded binary problem: y = 1 when x0 + 0.5·x1 − x2·x3 &gt; 0, as [N, 1] floats.</summary>
    public static (Tensor X, Tensor Y) Binary(int rows, int seed = 3)
    {
        var rng = new Random(seed);
        var x = new float[rows * 4];
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int f = 0; f < 4; f++) x[r * 4 + f] = (float)(rng.NextDouble() * 2 - 1);
            y[r] = x[r * 4] + 0.5f * x[r * 4 + 1] - x[r * 4 + 2] * x[r * 4 + 3] > 0 ? 1 : 0;
        }
        return (TorchApi.Tensor(x, new long[] { rows, 4 }), TorchApi.Tensor(y, new long[] { rows, 1 }));
    }

    /// <summary>All parameter values of a module, concatenated in order.</summary>
    public static float[] Weights(Module module) =>
        module.NamedParameters().SelectMany(p => { using (p.Tensor) return p.Tensor.ToArray<float>(); }).ToArray();

    /// <summary>Overwrites a named parameter with <paramref name="values"/>.</summary>
    public static void Set(Module module, string name, params float[] values)
    {
        using var noGrad = TorchApi.NoGrad();
        foreach (var (n, t) in module.NamedParameters())
            using (t)
                if (n == name)
                {
                    using var source = TorchApi.Tensor(values, t.Shape);
                    t.CopyFrom(source);
                    return;
                }
        throw new ArgumentException($"No parameter {name}.");
    }

    /// <summary>Sets every parameter element to <paramref name="value"/>.</summary>
    public static void FillAll(Module module, float value)
    {
        using var noGrad = TorchApi.NoGrad();
        foreach (var (_, t) in module.NamedParameters())
            using (t) t.Fill(value);
    }
}
