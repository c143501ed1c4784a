using System.Collections.Immutable;

namespace ImpactBot.Core.Owners;

/// <summary>One CODEOWNERS line: a pattern and its owners, in a GitLab section ('' for none) at a 1-based line.</summary>
public sealed record CodeOwnersRule(GlobPattern Pattern, ImmutableArray<string> Owners, string Section, int Line);
