using System.Text.Json.Serialization;

namespace ImpactBot.GitLab.Webhooks;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GitLabNoteHook))]
internal sealed partial class GitLabWebhookJsonContext : JsonSerializerContext;
