using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// MATCH_RECOGNIZE: its outputs (partition keys and measures, or every input column too) are not modelled, so the item
// becomes a wildcard over its input (BRIEF section 3) and the statement is partial.
internal sealed partial class Binder
{
    private Relation MatchRecognized(Relation input, MatchRecognizeClause clause)
    {
        Report("match-recognize", "MATCH_RECOGNIZE is not modelled: its columns stay a wildcard over its input", clause.Span);
        var output = new Relation();
        output.Columns.Add(new RelationColumn("*", false, EveryColumn(input), Fingerprint.Of("MATCH_RECOGNIZE:" + input.BaseTableKey + ":" + clause.Text))
        {
            Opaque = true,
        });
        output.RowEdges.AddRange(input.RowEdges);
        output.Clauses.Append(input.Clauses);
        output.Clauses.Grain.Append(clause.Text).Append(';');
        return output;
    }
}
