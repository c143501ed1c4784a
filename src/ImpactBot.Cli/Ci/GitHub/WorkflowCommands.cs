namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>Actions workflow commands (<c>::warning::</c> …) written to the job log, with the data escaping the runner expects.</summary>
internal sealed class WorkflowCommands(TextWriter output)
{
    public Task MaskAsync(string secret) => output.WriteLineAsync($"::add-mask::{Escape(secret)}");

    public Task NoticeAsync(string message) => output.WriteLineAsync($"::notice title=ImpactBot::{Escape(message)}");

    public Task WarningAsync(string message) => output.WriteLineAsync($"::warning title=ImpactBot::{Escape(message)}");

    public Task ErrorAsync(string message) => output.WriteLineAsync($"::error title=ImpactBot::{Escape(message)}");

    public Task InfoAsync(string message) => output.WriteLineAsync(message);

    private static string Escape(string data) =>
        data.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
