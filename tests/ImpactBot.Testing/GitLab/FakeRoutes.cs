namespace ImpactBot.Testing.GitLab;

/// <summary>Route keys for <see cref="FakeGitLabServer.Inject"/>.</summary>
public static class FakeRoutes
{
    public const string CurrentUser = "GET /user";
    public const string Users = "GET /users";
    public const string MergeRequest = "GET /merge_requests/:iid";
    public const string ListNotes = "GET /notes";
    public const string CreateNote = "POST /notes";
    public const string UpdateNote = "PUT /notes/:id";
    public const string DeleteNote = "DELETE /notes/:id";
    public const string AwardEmoji = "POST /award_emoji";
    public const string SetStatus = "POST /statuses/:sha";
    public const string CreatePipeline = "POST /pipelines";
    public const string CreateBranchPipeline = "POST /pipeline";
    public const string Member = "GET /members/all/:user_id";
    public const string GroupMember = "GET /groups/:id/members/all/:user_id";
    public const string RawFile = "GET /repository/files/:file_path/raw";
}
