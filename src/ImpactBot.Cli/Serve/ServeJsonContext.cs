using System.Text.Json.Serialization;

namespace ImpactBot.Cli.Serve;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookResult))]
internal sealed partial class ServeJsonContext : JsonSerializerContext;
