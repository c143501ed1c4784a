namespace ImpactBot.GitLab.Models;

/// <summary>GitLab roles as the numeric access_level of the members API.</summary>
public enum GitLabAccessLevel
{
    NoAccess = 0,
    MinimalAccess = 5,
    Guest = 10,
    Planner = 15,
    Reporter = 20,
    Developer = 30,
    Maintainer = 40,
    Owner = 50,
    Admin = 60,
}
