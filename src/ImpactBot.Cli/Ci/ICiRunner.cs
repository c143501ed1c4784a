namespace ImpactBot.Cli.Ci;

/// <summary>One CI platform's `impactbot run`: it recognises its environment and runs the bot there.</summary>
internal interface ICiRunner
{
    /// <summary>A short name for notices ("GitHub Actions", "GitLab CI").</summary>
    string Name { get; }

    bool Detects(IReadOnlyDictionary<string, string> environment);

    Task<int> RunAsync(IReadOnlyDictionary<string, string> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
