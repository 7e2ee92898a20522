using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Trainers;

/// <summary>Reads the vocabulary size of an Int64 token-id feature column for the embedding trainers.</summary>
internal static class TokenIdFeatures
{
    public static int VocabularySize(DataViewSchema.Column column, string trainer) =>
        column.Annotations.GetRawOrNull(TokenSequenceMappingEstimator.VocabularySizeAnnotationKind) is int n ? n
        : throw new ArgumentException($"{trainer}: feature column '{column.Name}' has no {TokenSequenceMappingEstimator.VocabularySizeAnnotationKind} " +
            "annotation (it was not made by MapTokensToSequence). Set the VocabularySize option.", nameof(column));
}
