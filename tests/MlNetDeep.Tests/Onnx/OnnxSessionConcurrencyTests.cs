using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Tests.Onnx;

/// <summary>One session serving many threads at once gives exactly the single-threaded results.</summary>
public class OnnxSessionConcurrencyTests
{
    [Fact]
    public void EightThreadsTimesTwoHundredRunsMatchSingleThreadedResults()
    {
        using var session = OnnxSession.Open(OnnxFixture.ModelPath("two_io"));
        var random = new Random(7);
        // Different batch sizes per request, so concurrent runs differ in shape as well as values.
        var requests = Enumerable.Range(0, 16).Select(r =>
        {
            int rows = 1 + r % 5;
            return new Dictionary<string, OnnxTensor>
            {
                ["x"] = OnnxTensor.Create(Enumerable.Range(0, rows * 4).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray(), rows, 4),
                ["ids"] = OnnxTensor.Create(Enumerable.Range(0, rows).Select(_ => (long)random.Next(5)).ToArray(), rows),
            };
        }).ToArray();
        var expectedY = requests.Select(r => session.Run(r)["y"].ToArray<float>()).ToArray();
        var expectedIds = requests.Select(r => session.Run(r)["next_ids"].ToArray<long>()).ToArray();

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (int k = 0; k < 200; k++)
            {
                int r = (t * 31 + k) % requests.Length;
                var outputs = session.Run(requests[r]);
                if (!outputs["y"].ToArray<float>().SequenceEqual(expectedY[r]) || !outputs["next_ids"].ToArray<long>().SequenceEqual(expectedIds[r]))
                    failures.Add($"thread {t} run {k} request {r}");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
    }
}
