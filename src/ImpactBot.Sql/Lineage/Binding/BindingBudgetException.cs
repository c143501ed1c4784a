namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>Thrown inside the binder when a statement exceeds the node budget; caught at the statement boundary.</summary>
internal sealed class BindingBudgetException : Exception
{
    public BindingBudgetException()
        : base("the statement is too large or too deeply nested to bind")
    {
    }

    public BindingBudgetException(string message)
        : base(message)
    {
    }

    public BindingBudgetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
