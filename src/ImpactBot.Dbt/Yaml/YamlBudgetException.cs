using YamlDotNet.Core;

namespace ImpactBot.Dbt.Yaml;

/// <summary>Thrown by <see cref="BudgetedParser"/> when a file goes over a <see cref="YamlBudget"/> limit.</summary>
internal sealed class YamlBudgetException(Mark start, Mark end, string message) : YamlException(start, end, message);
