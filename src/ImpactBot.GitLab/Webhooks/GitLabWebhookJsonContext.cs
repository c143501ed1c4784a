using System.Text.Json.Serialization;

namespace ImpactBot.GitLab.Webhooks;

// RespectNullableAnnotations: a null where the model says "never null" (user, object_attributes, note) is a malformed
// payload the reader refuses, not a NullReferenceException later.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(GitLabNoteHook))]
internal sealed partial class GitLabWebhookJsonContext : JsonSerializerContext;
