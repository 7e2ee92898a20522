using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // optim.cpp
    [LibraryImport(Library)]
    internal static partial int mlnd_optimizer_sgd(IntPtr* parameters, int n, double lr, double momentum, double dampening,
        int nesterov, double weightDecay, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_optimizer_adagrad(IntPtr* parameters, int n, double lr, double lrDecay, double weightDecay,
        double initialAccumulatorValue, double eps, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_optimizer_adadelta(IntPtr* parameters, int n, double lr, double rho, double eps,
        double weightDecay, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_optimizer_rmsprop(IntPtr* parameters, int n, double lr, double alpha, double eps,
        double weightDecay, double momentum, int centered, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_optimizer_adam(IntPtr* parameters, int n, double lr, double beta1, double beta2, double eps,
        double weightDecay, int amsgrad, int decoupledWeightDecay, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_optimizer_adamax(IntPtr* parameters, int n, double lr, double beta1, double beta2, double eps,
        double weightDecay, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_optimizer_nadam(IntPtr* parameters, int n, double lr, double beta1, double beta2, double eps,
        double weightDecay, double momentumDecay, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_optimizer_ftrl(IntPtr* parameters, int n, double learningRate, double learningRatePower,
        double initialAccumulatorValue, double l1RegularizationStrength, double l2RegularizationStrength,
        double l2ShrinkageRegularizationStrength, double beta, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_optimizer_step(OptimizerHandle o);
    [LibraryImport(Library)] internal static partial int mlnd_optimizer_zero_grad(OptimizerHandle o);
    [LibraryImport(Library)] internal static partial int mlnd_optimizer_get_lr(OptimizerHandle o, out double lr);
    [LibraryImport(Library)] internal static partial int mlnd_optimizer_set_lr(OptimizerHandle o, double lr);
    [LibraryImport(Library)] internal static partial int mlnd_optimizer_free(IntPtr o);
}
