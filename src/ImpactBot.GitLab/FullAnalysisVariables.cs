namespace ImpactBot.GitLab;

/// <summary>The CI/CD variables `impactbot serve` sets on the pipeline it starts for `/impact full`; `impactbot run` reads them.</summary>
public static class FullAnalysisVariables
{
    /// <summary>The merge request the branch pipeline analyses (CI_MERGE_REQUEST_IID is unset in it).</summary>
    public const string MergeRequestIid = "IMPACTBOT_MR_IID";

    /// <summary>"true": ignore the cached snapshot.</summary>
    public const string Full = "IMPACTBOT_FULL";
}
