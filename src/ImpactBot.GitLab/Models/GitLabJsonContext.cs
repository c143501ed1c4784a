using System.Text.Json.Serialization;

namespace ImpactBot.GitLab.Models;

/// <summary>Source-generated serializers: GitLab speaks snake_case and omits nothing we need to send as null.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GitLabUser))]
[JsonSerializable(typeof(List<GitLabUser>))]
[JsonSerializable(typeof(GitLabNote))]
[JsonSerializable(typeof(List<GitLabNote>))]
[JsonSerializable(typeof(GitLabAwardEmoji))]
[JsonSerializable(typeof(GitLabCommitStatus))]
[JsonSerializable(typeof(GitLabPipeline))]
[JsonSerializable(typeof(GitLabMember))]
[JsonSerializable(typeof(GitLabMergeRequest))]
[JsonSerializable(typeof(NoteBody))]
[JsonSerializable(typeof(AwardEmojiBody))]
[JsonSerializable(typeof(PipelineBody))]
[JsonSerializable(typeof(CommitStatusBody))]
internal sealed partial class GitLabJsonContext : JsonSerializerContext;
