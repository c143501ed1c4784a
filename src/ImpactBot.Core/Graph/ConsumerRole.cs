namespace ImpactBot.Core.Graph;

/// <summary>How a downstream asset reads an upstream one.</summary>
public enum ConsumerRole
{
    /// <summary>An output column's value comes from the upstream column.</summary>
    Column,

    /// <summary>The upstream column decides which rows the consumer holds.</summary>
    Row,

    /// <summary>A test, semantic model, metric, exposure or catalog entry names the upstream column.</summary>
    Reference,

    /// <summary>Only a model-level dependency is known (unparsed SQL, exposures without columns).</summary>
    Model,
}
