using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Tests.Onnx;

/// <summary>The library itself: its version, providers, and its errors surfacing as
/// <see cref="OnnxRuntimeException"/>s with ONNX Runtime's message.</summary>
public class OnnxRuntimeLibraryTests
{
    [Fact]
    public void LoadsThePinnedVersionFromTheApplicationDirectory()
    {
        Assert.Equal("1.30.0", OnnxRuntime.Version);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "libonnxruntime.so.1"), OnnxRuntime.LibraryPath);
    }

    [Fact]
    public void TheNpmLibraryCanOnlyRunOnTheCpu()
    {
        // The linux x64 build lists CUDA and TensorRT as compiled in, but their provider
        // libraries are not in the package (its postinstall script, which setup skips, would
        // download them), so only the CPU provider can be used.
        var providers = OnnxRuntime.AvailableProviders;
        Assert.Contains("CPUExecutionProvider", providers);
        Assert.Contains("CUDAExecutionProvider", providers);
        var directory = Path.GetDirectoryName(OnnxRuntime.LibraryPath)!;
        Assert.False(File.Exists(Path.Combine(directory, "libonnxruntime_providers_cuda.so")));
        Assert.False(File.Exists(Path.Combine(directory, "libonnxruntime_providers_shared.so")));
    }

    [Fact]
    public void AskingForCudaFailsClearly()
    {
        var options = new OnnxSessionOptions { ExecutionProvider = OnnxExecutionProvider.Cuda };
        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(OnnxFixture.ModelPath("mlp"), options));
        Assert.Contains("CUDA execution provider was requested", e.Message);
        Assert.Contains("has no CUDA support", e.Message);
        Assert.Contains("CPUExecutionProvider", e.Message);
        Assert.NotEqual(0, e.ErrorCode);
    }

    [Fact]
    public void CorruptModelFileFailsNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("mlnd-onnx-");
        try
        {
            var bytes = File.ReadAllBytes(OnnxFixture.ModelPath("mlp"));
            var truncated = Path.Combine(dir.FullName, "truncated.onnx");
            File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
            var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(truncated));
            Assert.Contains($"Cannot load ONNX model '{truncated}'", e.Message);
            Assert.NotEqual(0, e.ErrorCode);
    
            var text = Path.Combine(dir.FullName, "not-a-model.onnx");
            File.WriteAllText(text, "this is not protobuf");
            var t = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(text));
            Assert.Contains("not-a-model.onnx", t.Message);

            Assert.Throws<OnnxRuntimeException>(() => OnnxSession.FromBytes(bytes[..(bytes.Length / 2)]));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingFileIsReportedBeforeOnnxRuntime()
    {
        var e = Assert.Throws<FileNotFoundException>(() => OnnxSession.Open("no-such-model.onnx"));
        Assert.Contains("no-such-model.onnx", e.Message);
    }
}
