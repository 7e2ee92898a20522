// A perceptron from first principles: one neuron, ŷ = sigmoid(w·x + b), trained by gradient
// descent written out by hand over MlNetDeep tensors — then the very same model trained by
// MlNetDeep's training loop, to show that the loop does nothing more mysterious than this.
//
// Two of the course's examples:
//   1. insurance: a person's age → did they buy life insurance? (one feature)
//   2. loan approval: income and credit score → was the loan approved? (two features)
//
//   dotnet run -c Release --project samples/Perceptron
using System.Globalization;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Training;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var outDir = Path.GetFullPath(Path.Combine("out", "Perceptron"));
Directory.CreateDirectory(outDir);
Console.WriteLine($"Outputs go to {outDir}");

// ---------------------------------------------------------------------------------------------
// Example 1: insurance. The course's 27-row "insurance_data" table (age, bought_insurance):
// young people mostly did not buy, older people mostly did, with a few exceptions (ages 25, 52, 55).
// ---------------------------------------------------------------------------------------------
float[] ages =
{
    22, 25, 47, 52, 46, 56, 55, 60, 62, 61, 18, 28, 27, 29, 49, 55, 25, 58, 19, 18, 21, 26, 40, 45, 50, 54, 23,
};
float[] bought =
{
    0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0,
};

// Ages run from 18 to 62; dividing by 100 keeps w·x + b in the range where the sigmoid is not
// flat, so gradient descent moves quickly (the course scales the same way).
const float AgeScale = 100f;
using var xIns = Torch.Tensor(ages.Select(a => a / AgeScale).ToArray(), new long[] { ages.Length, 1 });
using var yIns = Torch.Tensor(bought, new long[] { bought.Length, 1 });

Console.WriteLine();
Console.WriteLine("=== Insurance: age → bought insurance (27 people) ===");
var insurance = Compare(xIns, yIns, new[] { "age/100" }, lr: 2.0, epochs: 3000, reportEvery: 500);

Console.WriteLine();
Console.WriteLine("Predictions of the hand-trained neuron:");
foreach (var age in new[] { 20f, 30f, 40f, 47f, 55f, 65f })
{
    var p = Sigmoid(insurance.Weights[0] * age / AgeScale + insurance.Bias);
    Console.WriteLine($"  age {age,2}: P(buys insurance) = {p:F3} → {(p >= 0.5 ? "buys" : "does not buy")}");
}
Console.WriteLine($"  (the decision boundary, w·x + b = 0, is at age {-insurance.Bias / insurance.Weights[0] * AgeScale:F1})");

// ---------------------------------------------------------------------------------------------
// Example 2: loan approval. A small made-up table of 20 applicants: annual income (thousands)
// and credit score. Higher income and a better score both help; two applicants break the pattern
// (52k with 640 was approved, 66k with 710 was declined), so no straight line separates the
// classes perfectly and the loss cannot reach 0.
// ---------------------------------------------------------------------------------------------
float[,] applicants =
{
    // income, credit score
    { 25, 580 }, { 32, 610 }, { 40, 650 }, { 45, 700 }, { 52, 640 },
    { 58, 720 }, { 61, 590 }, { 70, 760 }, { 75, 680 }, { 28, 720 },
    { 85, 800 }, { 90, 620 }, { 95, 740 }, { 35, 560 }, { 48, 760 },
    { 66, 710 }, { 30, 690 }, { 110, 780 }, { 38, 600 }, { 80, 560 },
};
float[] approved = { 0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0 };
int n = approved.Length;

// Standardize each feature (subtract the mean, divide by the standard deviation) so that income
// in thousands and scores in hundreds move the neuron equally: done with tensor ops.
using var rawLoan = Torch.Tensor(applicants.Cast<float>().ToArray(), new long[] { n, 2 });
using var loanMean = rawLoan.Mean(new long[] { 0 }, keepDim: true);
using var loanStd = rawLoan.Std(new long[] { 0 }, unbiased: false, keepDim: true);
using var xLoan = (rawLoan - loanMean) / loanStd;
using var yLoan = Torch.Tensor(approved, new long[] { n, 1 });
var mean = loanMean.ToArray<float>();
var std = loanStd.ToArray<float>();

Console.WriteLine();
Console.WriteLine("=== Loan approval: (income, credit score) → approved (20 applicants) ===");
var loan = Compare(xLoan, yLoan, new[] { "income", "score" }, lr: 0.5, epochs: 1000, reportEvery: 200);

Console.WriteLine();
Console.WriteLine("Predictions of the hand-trained neuron:");
foreach (var (income, score) in new[] { (30f, 650f), (55f, 700f), (60f, 640f), (100f, 600f), (42f, 790f) })
{
    var z = loan.Weights[0] * (income - mean[0]) / std[0] + loan.Weights[1] * (score - mean[1]) / std[1] + loan.Bias;
    var p = Sigmoid(z);
    Console.WriteLine($"  income {income,3}k, score {score}: P(approved) = {p:F3} → {(p >= 0.5 ? "approve" : "decline")}");
}

WriteCsv(Path.Combine(outDir, "insurance_loss.csv"), insurance);
WriteCsv(Path.Combine(outDir, "loan_loss.csv"), loan);
SvgPlot.Save(SvgPlot.LineChart("Insurance: loss per epoch", "epoch", "binary cross-entropy",
    new[] { ("by hand", (IReadOnlyList<double>)insurance.HandLoss), ("TrainingLoop", insurance.LoopLoss) }),
    Path.Combine(outDir, "insurance_loss.svg"));
SvgPlot.Save(SvgPlot.LineChart("Loan approval: loss per epoch", "epoch", "binary cross-entropy",
    new[] { ("by hand", (IReadOnlyList<double>)loan.HandLoss), ("TrainingLoop", loan.LoopLoss) }),
    Path.Combine(outDir, "loan_loss.svg"));
Console.WriteLine();
Console.WriteLine($"Wrote insurance_loss.csv/.svg and loan_loss.csv/.svg to {outDir}");

// Trains the same neuron twice from the same start (all weights 1, bias 0, as the course does)
// with full-batch gradient descent: once by hand, once with TrainingLoop. Returns the hand-trained
// weights and both loss curves.
static Result Compare(Tensor x, Tensor y, string[] names, double lr, int epochs, int reportEvery)
{
    int features = (int)x.Size(1);

    // --- 1. By hand -------------------------------------------------------------------------
    // The parameters are leaf tensors that ask autograd to record what is computed from them.
    using var w = Torch.Ones(new long[] { features, 1 }).RequiresGrad_();
    using var b = Torch.Zeros(new long[] { 1 }).RequiresGrad_();
    var handLoss = new List<double>();
    Console.WriteLine($"Gradient descent by hand (learning rate {lr}, {epochs} epochs, all {x.Size(0)} rows per step):");
    for (int epoch = 1; epoch <= epochs; epoch++)
    {
        using var scope = Torch.NewDisposeScope(); // frees this epoch's intermediate tensors
        // Forward: z = x·w + b, ŷ = sigmoid(z).
        var yHat = (x.MatMul(w) + b).Sigmoid();
        // Binary cross-entropy: −mean(y·log ŷ + (1 − y)·log(1 − ŷ)). Clamping keeps log away from 0.
        var p = yHat.Clamp(1e-7, 1 - 1e-7);
        var loss = -(y * p.Log() + (1 - y) * (1 - p).Log()).Mean();
        // Backward: autograd fills w.Grad = ∂loss/∂w and b.Grad = ∂loss/∂b.
        loss.Backward();
        // Update: w ← w − lr·∂loss/∂w, outside autograd's recording (this step is not part of the model),
        // then clear the gradients, which would otherwise add up across epochs.
        using (Torch.NoGrad())
        {
            foreach (var param in new[] { w, b })
            {
                var grad = param.Grad!;
                param.Add_(grad, -lr);
                grad.Zero_();
            }
        }
        handLoss.Add(loss.Item());
        if (epoch == 1 || epoch % reportEvery == 0)
            Console.WriteLine($"  epoch {epoch,5}  loss {handLoss[^1]:F4}  {Describe(names, w.ToArray<float>(), b.Item())}");
    }
    var handW = w.ToArray<float>();
    var handB = (float)b.Item();

    // --- 2. The same neuron with TrainingLoop ---------------------------------------------------
    // Linear(features, 1) is exactly x·wᵀ + b. The sigmoid moves into the loss: BCEWithLogitsLoss
    // computes sigmoid + binary cross-entropy in one numerically safer step.
    using var neuron = new Linear(features, 1);
    foreach (var (name, param) in neuron.NamedParameters())
        using (param) Init.Constant(param, name == "weight" ? 1 : 0);
    using var bce = new BCEWithLogitsLoss();
    var history = TrainingLoop.Fit(neuron, x, y, new TrainingOptions
    {
        Loss = bce,
        Optimizer = p => new SGD(p, lr),    // plain gradient descent: w ← w − lr·∇w
        Epochs = epochs,
        BatchSize = (int)x.Size(0),          // all rows per step, like the hand-written loop
        Shuffle = false,
        Verbosity = Verbosity.Silent,
        TrackGradientNorms = false,
    });
    var named = neuron.NamedParameters().ToDictionary(p => p.Name, p => p.Tensor);
    var loopW = named["weight"].ToArray<float>();
    var loopB = (float)named["bias"].Item();
    foreach (var t in named.Values) t.Dispose();
    var loopLoss = history["loss"];

    Console.WriteLine($"TrainingLoop (Linear({features}, 1) + BCEWithLogitsLoss + SGD({lr}), same start, {history.EpochCount} epochs):");
    Console.WriteLine($"  by hand:      loss {handLoss[^1]:F6}  {Describe(names, handW, handB)}");
    Console.WriteLine($"  TrainingLoop: loss {loopLoss[^1]:F6}  {Describe(names, loopW, loopB)}");
    var gap = handW.Zip(loopW, (h, l) => Math.Abs(h - l)).Append(Math.Abs(handB - loopB)).Max();
    Console.WriteLine($"  largest difference between the two sets of weights: {gap:G3}");
    return new Result(handW, handB, handLoss, loopLoss);
}

static string Describe(string[] names, float[] w, double b) =>
    string.Join("  ", names.Select((name, i) => $"w[{name}] {w[i],8:F4}")) + $"  b {b,8:F4}";

static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

static void WriteCsv(string path, Result r)
{
    var lines = new List<string> { "epoch,loss_by_hand,loss_training_loop" };
    for (int i = 0; i < r.HandLoss.Count; i++)
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 1},{r.HandLoss[i]:R},{(i < r.LoopLoss.Count ? r.LoopLoss[i] : double.NaN):R}"));
    File.WriteAllLines(path, lines);
}

/// <summary>A hand-trained neuron's weights and bias, and the loss per epoch of both trainings.</summary>
internal sealed record Result(float[] Weights, float Bias, IReadOnlyList<double> HandLoss, IReadOnlyList<double> LoopLoss);
