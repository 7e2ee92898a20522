namespace MlNetDeep.Tests.Training;

/// <summary>libtorch's generator is process-wide: seeded tests must not run beside any other test.</summary>
[CollectionDefinition("Training", DisableParallelization = true)]
public sealed class TrainingCollection { }
