// libtorch's random generator and thread settings are process-wide: tests that seed or time
// must not interleave, so this assembly runs its tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
