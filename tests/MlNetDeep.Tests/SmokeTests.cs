namespace MlNetDeep.Tests;

public class SmokeTests
{
    [Fact]
    public void PipelineAssemblyLoads() => Assert.Equal("MlNetDeep", typeof(SmokeTests).Assembly.GetName().Name!.Replace(".Tests", ""));
}
