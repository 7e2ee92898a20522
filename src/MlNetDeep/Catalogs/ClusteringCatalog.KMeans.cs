using MlNetDeep.Trainers;

namespace MlNetDeep;

public sealed partial class ClusteringCatalog
{
    public sealed partial class ClusteringTrainers
    {
        /// <summary>
        /// k-means with k-means++ seeding on <paramref name="featureColumnName"/> (a fixed-size vector of
        /// Single), seeded from the MLContext. Outputs <c>PredictedLabel</c> (key of the nearest cluster)
        /// and <c>Score</c> (squared distance to each centroid). See <see cref="KMeansTrainer"/>.
        /// </summary>
        public KMeansTrainer KMeans(string featureColumnName = KMeansTrainer.Defaults.FeatureColumnName, int numberOfClusters = KMeansTrainer.Defaults.NumberOfClusters) =>
            new(Context, new KMeansTrainer.Options { FeatureColumnName = featureColumnName, NumberOfClusters = numberOfClusters });

        /// <summary>k-means with every option (see <see cref="KMeansTrainer.Options"/>).</summary>
        public KMeansTrainer KMeans(KMeansTrainer.Options options) => new(Context, options);
    }
}
