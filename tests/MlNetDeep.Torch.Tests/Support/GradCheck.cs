namespace MlNetDeep.Torch.Tests.Support;

/// <summary>
/// Finite-difference gradient check in float64: for y = f(x), compares autograd's
/// ∂(Σ y·g)/∂x (g a fixed random "upstream gradient") with central differences
/// (L(x + εeᵢ) − L(x − εeᵢ)) / 2ε, element by element.
/// </summary>
public static class GradCheck
{
    /// <param name="f">The function under test; it must accept and return float64 tensors.</param>
    /// <param name="input">Input values (float64), reshaped to <paramref name="shape"/>.</param>
    public static void Check(Func<Tensor, Tensor> f, double[] input, long[] shape, double eps = 1e-6, double rtol = 1e-4, double atol = 1e-6, string what = "")
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Tensor(input, shape, requiresGrad: true);
        var y = f(x);
        var rng = new Random(1234);
        var g = Enumerable.Range(0, (int)y.NumberOfElements).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        y.Backward(Torch.Tensor(g, y.Shape));
        var analytic = x.Grad?.ToArray<double>() ?? throw new InvalidOperationException($"{what}: input received no gradient");

        double Objective(double[] values)
        {
            using var inner = Torch.NewDisposeScope();
            using var noGrad = Torch.NoGrad();
            var yy = f(Torch.Tensor(values, shape)).ToArray<double>();
            double s = 0;
            for (int i = 0; i < yy.Length; i++) s += yy[i] * g[i];
            return s;
        }

        var numeric = new double[input.Length];
        var probe = (double[])input.Clone();
        for (int i = 0; i < input.Length; i++)
        {
            probe[i] = input[i] + eps;
            var plus = Objective(probe);
            probe[i] = input[i] - eps;
            var minus = Objective(probe);
            probe[i] = input[i];
            numeric[i] = (plus - minus) / (2 * eps);
        }
        Fixture.AssertClose(numeric, analytic, rtol, atol, what + " gradient");
    }

    /// <summary>
    /// The same check with respect to a tensor that <paramref name="f"/> reads but does not take as
    /// an argument, typically a module's parameter (from NamedParameters, after moving the module
    /// to float64). The tensor is perturbed in place and restored afterwards; a gradient it already
    /// held is subtracted, so earlier backward passes do not matter.
    /// </summary>
    public static void CheckParameter(Func<Tensor> f, Tensor parameter, double eps = 1e-6, double rtol = 1e-4, double atol = 1e-6, string what = "")
    {
        using var scope = Torch.NewDisposeScope();
        var shape = parameter.Shape;
        var original = parameter.ToArray<double>();
        var before = parameter.Grad?.ToArray<double>();
        var y = f();
        var rng = new Random(1234);
        var g = Enumerable.Range(0, (int)y.NumberOfElements).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        y.Backward(Torch.Tensor(g, y.Shape));
        var analytic = parameter.Grad?.ToArray<double>() ?? throw new InvalidOperationException($"{what}: parameter received no gradient");
        if (before is not null)
            for (int i = 0; i < analytic.Length; i++) analytic[i] -= before[i];

        double Objective(double[] values)
        {
            using var inner = Torch.NewDisposeScope();
            using var noGrad = Torch.NoGrad();
            parameter.CopyFrom(Torch.Tensor(values, shape));
            var yy = f().ToArray<double>();
            double s = 0;
            for (int i = 0; i < yy.Length; i++) s += yy[i] * g[i];
            return s;
        }

        var numeric = new double[original.Length];
        var probe = (double[])original.Clone();
        try
        {
            for (int i = 0; i < original.Length; i++)
            {
                probe[i] = original[i] + eps;
                var plus = Objective(probe);
                probe[i] = original[i] - eps;
                var minus = Objective(probe);
                probe[i] = original[i];
                numeric[i] = (plus - minus) / (2 * eps);
            }
        }
        finally
        {
            using var inner = Torch.NewDisposeScope();
            parameter.CopyFrom(Torch.Tensor(original, shape));
        }
        Fixture.AssertClose(numeric, analytic, rtol, atol, what + " parameter gradient");
    }
}
