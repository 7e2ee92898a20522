using System.Diagnostics;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// Exports every case of <see cref="OnnxTestModels"/> with an input and MlNetDeep's output for it, then
/// runs check_onnx.py with Debian's python3 (python3-onnx): ONNX checker (full check), strict shape
/// inference, opset/producer/batch checks, and a NumPy evaluation of each graph from the ONNX operator
/// specifications compared with MlNetDeep's libtorch forward to 1e-5.
/// </summary>
public class OnnxCheckerTests
{
    private const string Python = "/usr/bin/python3";

    private static (int Code, string Output) Run(params string[] args)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Every_exported_model_passes_the_onnx_checker_and_matches_MlNetDeep_numerically()
    {
        if (!File.Exists(Python) || Run("-c", "import onnx, numpy").Code != 0)
            Assert.Fail($"{Python} with the onnx module (Debian python3-onnx) is needed: run scripts/setup.sh.");
        var folder = Path.Combine(Path.GetTempPath(), "mlnetdeep-onnx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var c in OnnxTestModels.All) OnnxTestModels.ExportWithSample(c, folder);
            var script = Path.Combine(AppContext.BaseDirectory, "Onnx", "check_onnx.py");
            var (code, output) = Run(script, folder);
            Assert.True(code == 0, output);
            var n = OnnxTestModels.All.Length;
            Assert.Contains($"checked {n} files, {n} numerically, 0 failed", output);
            foreach (var c in OnnxTestModels.All) Assert.Contains($"OK   {c.Name}.onnx numerics ok", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
