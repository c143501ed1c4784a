using System.Text.Json.Serialization;
using ImpactBot.Cli.Commands;

namespace ImpactBot.Cli;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SnapshotSummary))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
