using System.Text;
using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;
using Kind = MlNetDeep.Transforms.OneHotEncodingEstimator.OutputKind;

namespace MlNetDeep.Tests.Transforms;

public class HashingTests
{
    [Theory]
    [InlineData("", 0u, 0u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("", 0xffffffffu, 0x81F16F39u)]
    [InlineData("aaaa", 0x9747b28cu, 0x5A97808Au)]
    [InlineData("Hello, world!", 0x9747b28cu, 0x24884CBAu)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x9747b28cu, 0x2FA826CDu)]
    public void Murmur3MatchesPublishedVectors(string text, uint seed, uint expected) =>
        Assert.Equal(expected, HashingTransformer.Murmur3(Encoding.UTF8.GetBytes(text), seed));

    public sealed class Row { public string City { get; set; } = ""; public float X { get; set; } }

    [Fact]
    public void HashKeysAndOneHotHashEncoding()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Row { City = "Paris", X = 1 }, new Row { City = "Rome", X = float.NaN }, new Row { City = "Paris", X = 1 }, new Row { City = "", X = 0 } });
        var keys = ml.Transforms.Conversion.Hash("K", "City", numberOfBits: 10).Fit(data).Transform(data);
        Assert.Equal(new KeyDataViewType(typeof(uint), 1024), keys.Schema["K"].Type);
        var k = keys.GetColumn<uint>("K").ToArray();
        Assert.Equal((HashingTransformer.Murmur3(Encoding.UTF8.GetBytes("Paris"), HashingEstimator.Defaults.Seed) & 1023) + 1, k[0]);
        Assert.Equal(k[0], k[2]);
        Assert.NotEqual(k[0], k[1]);
        Assert.Equal(0u, k[3]); // empty text is missing
        var xs = ml.Transforms.Conversion.Hash("K", "X", numberOfBits: 8).Fit(data).Transform(data).GetColumn<uint>("K").ToArray();
        Assert.Equal(0u, xs[1]); // NaN is missing
        Assert.Equal(xs[0], xs[2]);
        var onehot = ml.Transforms.Categorical.OneHotHashEncoding("V", "City", numberOfBits: 4).Fit(data).Transform(data);
        var v = onehot.GetVectorColumn<float>("V").ToList();
        Assert.Equal(16, v[0].Length);
        Assert.Equal(1f, v[0].Sum());
        Assert.Equal(1f, v[0][(int)((HashingTransformer.Murmur3(Encoding.UTF8.GetBytes("Paris"), HashingEstimator.Defaults.Seed) & 15))]);
        Assert.Equal(0f, v[3].Sum());
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.Conversion.Hash("K", "City", numberOfBits: 32));
    }

    [Fact]
    public void Contracts()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Row { City = "Paris", X = 1 }, new Row { City = "Rome", X = 2 } });
        EstimatorContract.Check(ml.Transforms.Conversion.Hash("K", "City", numberOfBits: 12), data, "City");
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotHashEncoding("V", "City", numberOfBits: 5), data, "City");
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotHashEncoding("V", "X", Kind.Binary, numberOfBits: 6), data, "X");
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotHashEncoding("V", "City", Kind.Key), data, "City");
    }
}
