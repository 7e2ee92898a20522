using System.Numerics;
using System.Runtime.InteropServices;

namespace MlNetDeep.Trainers;

/// <summary>
/// The k-means computation on rows already in memory (row-major <c>float[n·d]</c>): seeding
/// (k-means++ or random rows) and Lloyd iterations. Every random choice comes from one
/// <see cref="Random"/> built from the seed, in a fixed order, and every sum is taken in a fixed
/// order, so a seed gives the same centroids whatever the number of threads.
/// </summary>
internal static class KMeansLloyd
{
    /// <summary>Rows per parallel work item: large enough to amortize scheduling, small enough to balance.</summary>
    private const int Block = 512;

    internal sealed record Result(float[] Centroids, double[] Inertia, int Iterations, bool Converged);

    /// <summary>
    /// Lloyd's algorithm from <paramref name="centroids"/> (updated in place):
    /// <code>
    /// assign:  a_i = argmin_c ‖x_i − μ_c‖²                       (lowest index on ties)
    /// inertia: J = Σ_i ‖x_i − μ_{a_i}‖²                           (recorded after each assignment)
    /// update:  μ_c = mean of the rows with a_i = c                  (an empty cluster takes the row farthest from its centroid)
    /// stop:    no assignment changed, or J_prev − J ≤ tolerance · J_prev, or maxIterations updates done
    /// </code>
    /// Each update can only lower J (the mean minimizes the squared distances of its rows, and
    /// reassignment picks the nearest centroid), so the recorded inertia never increases.
    /// </summary>
    public static Result Train(float[] x, int n, int d, float[] centroids, int k, int maxIterations, double tolerance, int threads)
    {
        var assign = new int[n];
        var dist = new float[n];
        var inertia = new List<double> { Assign(x, n, d, centroids, k, assign, dist, threads, out _) };
        var sums = new double[k * d];
        var counts = new long[k];
        int iterations = 0;
        bool converged = false;
        while (iterations < maxIterations)
        {
            Update(x, n, d, centroids, k, assign, dist, sums, counts, threads);
            iterations++;
            double previous = inertia[^1];
            double j = Assign(x, n, d, centroids, k, assign, dist, threads, out int changed);
            inertia.Add(j);
            if (changed == 0 || previous - j <= tolerance * previous) { converged = true; break; }
        }
        return new Result(centroids, [.. inertia], iterations, converged);
    }

    /// <summary>Assigns every row to its nearest centroid; returns the inertia and how many assignments changed.</summary>
    private static double Assign(float[] x, int n, int d, float[] centroids, int k, int[] assign, float[] dist, int threads, out int changed)
    {
        int blocks = (n + Block - 1) / Block;
        var changes = new int[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, b =>
        {
            int end = Math.Min(n, (b + 1) * Block);
            Span<float> four = stackalloc float[4];
            for (int i = b * Block; i < end; i++)
            {
                var row = x.AsSpan(i * d, d);
                int best = 0;
                float bestD = float.PositiveInfinity;
                int c = 0;
                for (; c + 4 <= k; c += 4)
                {
                    SquaredDistances4(row, centroids.AsSpan(c * d, 4 * d), four);
                    for (int j = 0; j < 4; j++) if (four[j] < bestD) { bestD = four[j]; best = c + j; }
                }
                for (; c < k; c++)
                {
                    float dc = SquaredDistance(row, centroids.AsSpan(c * d, d));
                    if (dc < bestD) { bestD = dc; best = c; }
                }
                if (assign[i] != best) changes[b]++;
                assign[i] = best;
                dist[i] = bestD;
            }
        });
        changed = changes.Sum();
        double total = 0;
        for (int i = 0; i < n; i++) total += dist[i]; // sequential: the same sum whatever the thread count
        return total;
    }

    /// <summary>Rows per partial sum in the update: fixed, so the sums (and the centroids) do not depend on the thread count.</summary>
    private const int UpdateChunk = 8192;

    private static void Update(float[] x, int n, int d, float[] centroids, int k, int[] assign, float[] dist, double[] sums, long[] counts, int threads)
    {
        // Per-chunk partial sums in parallel, then added chunk by chunk in order.
        int chunks = (n + UpdateChunk - 1) / UpdateChunk;
        var partial = new double[chunks][];
        var partialCounts = new long[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, b =>
        {
            var ps = partial[b] = new double[k * d];
            var pc = partialCounts[b] = new long[k];
            int end = Math.Min(n, (b + 1) * UpdateChunk);
            for (int i = b * UpdateChunk; i < end; i++)
            {
                var s = ps.AsSpan(assign[i] * d, d);
                var row = x.AsSpan(i * d, d);
                for (int f = 0; f < d; f++) s[f] += row[f];
                pc[assign[i]]++;
            }
        });
        Array.Clear(sums);
        Array.Clear(counts);
        for (int b = 0; b < chunks; b++)
        {
            for (int j = 0; j < sums.Length; j++) sums[j] += partial[b][j];
            for (int c = 0; c < k; c++) counts[c] += partialCounts[b][c];
        }
        for (int c = 0; c < k; c++)
        {
            if (counts[c] > 0)
            {
                for (int f = 0; f < d; f++) centroids[c * d + f] = (float)(sums[c * d + f] / counts[c]);
                continue;
            }
            // An empty cluster moves onto the row worst served by its centroid (as scikit-learn
            // does); that row's distance is zeroed so a second empty cluster takes another row.
            int far = 0;
            for (int i = 1; i < n; i++) if (dist[i] > dist[far]) far = i;
            x.AsSpan(far * d, d).CopyTo(centroids.AsSpan(c * d, d));
            dist[far] = 0;
        }
    }

    /// <summary>
    /// k-means++ seeding (Arthur and Vassilvitskii, 2007) with local trials (scikit-learn's "greedy
    /// k-means++"): the first centroid is row <c>rng.Next(n)</c>; for each next one,
    /// <paramref name="localTrials"/> candidates are drawn with probability proportional to D²(x), the
    /// squared distance to the nearest centroid chosen so far (with u = <c>rng.NextDouble()</c>, the
    /// first row i in row order whose running sum of D² exceeds u · Σ D²), and the candidate that
    /// leaves the lowest Σ D² is kept (the first on ties). <c>localTrials = 1</c> is plain k-means++.
    /// </summary>
    public static float[] KMeansPlusPlus(float[] x, int n, int d, int k, Random rng, int threads, int localTrials = 1)
    {
        var centroids = new float[k * d];
        int first = rng.Next(n);
        x.AsSpan(first * d, d).CopyTo(centroids);
        var minD = new float[n];
        var trial = new float[n];
        var best = new float[n];
        Array.Fill(minD, float.PositiveInfinity);
        MinDistances(x, n, d, centroids.AsSpan(0, d).ToArray(), minD, minD, threads);
        for (int c = 1; c < k; c++)
        {
            double total = Sum(minD);
            if (!(total > 0))
                throw new ArgumentOutOfRangeException("numberOfClusters",
                    $"Expected numberOfClusters at most the number of distinct feature vectors ({c}). Received: numberOfClusters={k}");
            int pick = -1;
            double bestPotential = double.PositiveInfinity;
            var candidates = new int[localTrials];
            for (int t = 0; t < localTrials; t++) candidates[t] = DrawProportional(minD, rng.NextDouble() * total);
            foreach (int candidate in candidates)
            {
                MinDistances(x, n, d, x.AsSpan(candidate * d, d).ToArray(), minD, trial, threads);
                double potential = localTrials == 1 ? 0 : Sum(trial);
                if (potential < bestPotential) { bestPotential = potential; pick = candidate; (best, trial) = (trial, best); }
            }
            (minD, best) = (best, minD);
            x.AsSpan(pick * d, d).CopyTo(centroids.AsSpan(c * d, d));
        }
        return centroids;
    }

    /// <summary>The first row (in row order, skipping zero weights) whose running sum of <paramref name="weights"/> exceeds <paramref name="target"/>.</summary>
    private static int DrawProportional(float[] weights, double target)
    {
        double running = 0;
        int pick = -1;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) continue; // a row already at a centroid can never be drawn
            running += weights[i];
            pick = i;
            if (running > target) break;
        }
        return pick;
    }

    /// <summary>result_i = min(current_i, ‖x_i − centroid‖²).</summary>
    private static void MinDistances(float[] x, int n, int d, float[] centroid, float[] current, float[] result, int threads) =>
        Parallel.For(0, (n + Block - 1) / Block, new ParallelOptions { MaxDegreeOfParallelism = threads }, b =>
        {
            int end = Math.Min(n, (b + 1) * Block);
            for (int i = b * Block; i < end; i++)
                result[i] = Math.Min(current[i], SquaredDistance(x.AsSpan(i * d, d), centroid));
        });

    private static double Sum(float[] values)
    {
        double total = 0;
        foreach (var v in values) total += v; // sequential: the same sum whatever the thread count
        return total;
    }

    /// <summary>Random seeding: k distinct rows drawn uniformly (a partial Fisher–Yates shuffle of the row indices).</summary>
    public static float[] RandomRows(float[] x, int n, int d, int k, Random rng)
    {
        var idx = Enumerable.Range(0, n).ToArray();
        var centroids = new float[k * d];
        for (int c = 0; c < k; c++)
        {
            int j = c + rng.Next(n - c);
            (idx[c], idx[j]) = (idx[j], idx[c]);
            x.AsSpan(idx[c] * d, d).CopyTo(centroids.AsSpan(c * d, d));
        }
        return centroids;
    }

    /// <summary>
    /// ‖a − c_j‖² for four consecutive centroids c_0..c_3 (row-major in <paramref name="c4"/>) in one
    /// pass over <paramref name="a"/>; each lane follows exactly <see cref="SquaredDistance"/>'s order,
    /// so the results are bit-identical to four calls of it.
    /// </summary>
    public static void SquaredDistances4(ReadOnlySpan<float> a, ReadOnlySpan<float> c4, Span<float> result)
    {
        int d = a.Length, w = Vector<float>.Count, nv = d / w;
        Vector<float> s0 = Vector<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var v0 = MemoryMarshal.Cast<float, Vector<float>>(c4[..d]);
        var v1 = MemoryMarshal.Cast<float, Vector<float>>(c4.Slice(d, d));
        var v2 = MemoryMarshal.Cast<float, Vector<float>>(c4.Slice(2 * d, d));
        var v3 = MemoryMarshal.Cast<float, Vector<float>>(c4.Slice(3 * d, d));
        for (int v = 0; v < nv; v++)
        {
            var x = va[v];
            var e0 = x - v0[v]; s0 += e0 * e0;
            var e1 = x - v1[v]; s1 += e1 * e1;
            var e2 = x - v2[v]; s2 += e2 * e2;
            var e3 = x - v3[v]; s3 += e3 * e3;
        }
        Span<Vector<float>> acc = [s0, s1, s2, s3];
        for (int j = 0; j < 4; j++)
        {
            var cj = c4.Slice(j * d, d);
            float sum = nv > 0 ? Vector.Sum(acc[j]) : 0;
            for (int i = nv * w; i < d; i++)
            {
                float diff = a[i] - cj[i];
                sum += diff * diff;
            }
            result[j] = sum;
        }
    }

    /// <summary>‖a − b‖², accumulated in SIMD lanes then the tail (the same order every call on a machine).</summary>
    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int w = Vector<float>.Count, i = 0;
        float sum = 0;
        if (a.Length >= w)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var acc = Vector<float>.Zero;
            for (int v = 0; v < va.Length; v++)
            {
                var diff = va[v] - vb[v];
                acc += diff * diff;
            }
            sum = Vector.Sum(acc);
            i = va.Length * w;
        }
        for (; i < a.Length; i++)
        {
            float diff = a[i] - b[i];
            sum += diff * diff;
        }
        return sum;
    }
}
