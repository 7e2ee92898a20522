// libtorch's random generator is process-wide and some tests measure the process's resident
// memory: tests that run beside each other would disturb both, so this assembly runs its tests
// one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
