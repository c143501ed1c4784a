using System.Globalization;

namespace ImpactBot.GitLab;

/// <summary>A project named by its numeric id or its full path (group/subgroup/project), URL-encoded as one path segment.</summary>
public readonly record struct GitLabProjectId
{
    private GitLabProjectId(string value) => Value = value;

    /// <summary>The id or path as given, unencoded.</summary>
    public string Value { get; }

    /// <summary>The form used in /projects/:id URLs: "42" or "group%2Fproject".</summary>
    public string Encoded => Uri.EscapeDataString(Value);

    public static GitLabProjectId FromId(long id) => new(id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Accepts "42" (CI_PROJECT_ID) or "group/project" (CI_PROJECT_PATH); surrounding slashes are ignored.</summary>
    public static GitLabProjectId Parse(string idOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPath);
        return new GitLabProjectId(idOrPath.Trim().Trim('/'));
    }

    public override string ToString() => Value;
}
