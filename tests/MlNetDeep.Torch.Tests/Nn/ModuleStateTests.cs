using MlNetDeep.Torch.IO;
using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Torch.Tests.Nn;

public class ModuleStateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mlnd-state-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Sequential Net(long hidden = 4) => new(new Linear(3, hidden), new Linear(hidden, 2));

    private static float[] Output(Module m)
    {
        using var scope = Torch.NewDisposeScope();
        return m.Forward(Torch.Tensor(new float[] { 0.5f, -1, 2 }, new long[] { 1, 3 })).ToArray<float>();
    }

    [Fact]
    public void SaveThenLoadReproducesTheOutputExactly()
    {
        var path = Path.Combine(_dir, "net.mlnds");
        Torch.ManualSeed(1);
        using var a = Net();
        a.Save(path);
        Torch.ManualSeed(2);
        using var b = Net();
        Assert.NotEqual(Output(a), Output(b));
        b.Load(path);
        Assert.Equal(Output(a), Output(b));
    }

    [Fact]
    public void WrongShapeFailsNamingTheTensorAndBothShapesAndLeavesModuleUnchanged()
    {
        var path = Path.Combine(_dir, "net.mlnds");
        using var a = Net(hidden: 4);
        a.Save(path);
        using var b = Net(hidden: 5);
        var before = Output(b);
        var ex = Assert.Throws<InvalidDataException>(() => b.Load(path));
        Assert.Contains("'0.weight'", ex.Message);
        Assert.Contains("[4, 3]", ex.Message);
        Assert.Contains("[5, 3]", ex.Message);
        Assert.Equal(before, Output(b));
    }

    [Fact]
    public void MissingAndUnexpectedNamesAreListed()
    {
        var path = Path.Combine(_dir, "one.mlnds");
        using var single = new Linear(3, 2);
        single.Save(path);
        using var b = Net();
        var ex = Assert.Throws<InvalidDataException>(() => b.Load(path));
        Assert.Contains("missing [0.weight, 0.bias, 1.weight, 1.bias]", ex.Message);
        Assert.Contains("unexpected [weight, bias]", ex.Message);
    }

    [Fact]
    public void DamagedTruncatedNewerAndForeignFilesFailClearly()
    {
        var path = Path.Combine(_dir, "net.mlnds");
        using var a = Net();
        a.Save(path);
        var bytes = File.ReadAllBytes(path);

        var damaged = (byte[])bytes.Clone();
        damaged[bytes.Length - 20] ^= 0x5A; // inside the last tensor's data
        File.WriteAllBytes(path, damaged);
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => a.Load(path)).Message);

        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => a.Load(path)).Message);

        var newer = (byte[])bytes.Clone();
        BitConverter.GetBytes(TensorFile.FormatVersion + 1).CopyTo(newer, 8);
        File.WriteAllBytes(path, newer);
        Assert.Contains("newer", Assert.Throws<InvalidDataException>(() => a.Load(path)).Message);

        File.WriteAllText(path, "not a state file at all");
        var ex = Assert.Throws<InvalidDataException>(() => a.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("magic", ex.Message);

        Assert.Throws<FileNotFoundException>(() => a.Load(Path.Combine(_dir, "absent.mlnds")));
    }

    [Fact]
    public void TensorFileRoundTripsEveryDtype()
    {
        using var scope = Torch.NewDisposeScope();
        var tensors = new List<(string, Tensor)>
        {
            ("f", Torch.Tensor(new float[] { 1.5f, -2, 3 }, new long[] { 3, 1 })),
            ("d", Torch.Tensor(new[] { Math.PI })),
            ("l", Torch.Tensor(new[] { long.MinValue, 5L })),
            ("b", Torch.Tensor(new[] { true, false })),
            ("empty", Torch.Zeros(new long[] { 0, 4 })),
        };
        var ms = new MemoryStream();
        TensorFile.Write(ms, tensors);
        ms.Position = 0;
        var back = TensorFile.Read(ms);
        Assert.Equal(new[] { "f", "d", "l", "b", "empty" }, back.Select(b => b.Name));
        Assert.Equal(new long[] { 3, 1 }, back[0].Tensor.Shape);
        Assert.Equal(new float[] { 1.5f, -2, 3 }, back[0].Tensor.ToArray<float>());
        Assert.Equal(new[] { Math.PI }, back[1].Tensor.ToArray<double>());
        Assert.Equal(new[] { long.MinValue, 5L }, back[2].Tensor.ToArray<long>());
        Assert.Equal(new[] { true, false }, back[3].Tensor.ToArray<bool>());
        Assert.Equal(new long[] { 0, 4 }, back[4].Tensor.Shape);
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8)); // the CRC-32/IEEE check value
}
