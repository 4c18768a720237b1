namespace ReefDB.FullText.Ranking;

/// <summary>The {D, C, B, A} weight array of ts_rank/ts_rank_cd, validated as PostgreSQL does.</summary>
internal static class RankWeights
{
    public static readonly float[] Default = [0.1f, 0.2f, 0.4f, 1.0f];

    /// <summary>getWeights: at least four non-null entries; a negative entry means "default"; none above 1.</summary>
    public static float[] Resolve(IReadOnlyList<float?>? weights)
    {
        if (weights is null)
        {
            return Default;
        }

        if (weights.Count < 4)
        {
            throw new FullTextException(SqlStates.ArraySubscriptError, "array of weight is too short");
        }

        var result = new float[4];
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] is null)
            {
                throw new FullTextException(SqlStates.NullValueNotAllowed, "array of weight must not contain nulls");
            }
        }

        for (var i = 0; i < 4; i++)
        {
            var w = weights[i]!.Value;
            result[i] = w >= 0 ? w : Default[i];
            if (result[i] > 1.0f)
            {
                throw new FullTextException(SqlStates.InvalidParameterValue, "weight out of range");
            }
        }

        return result;
    }
}
