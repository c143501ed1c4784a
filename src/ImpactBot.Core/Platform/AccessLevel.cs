namespace ImpactBot.Core.Platform;

/// <summary>Repository access, ordered. GitHub: read/triage/write/maintain/admin; GitLab: guest/reporter/developer/maintainer/owner.</summary>
public enum AccessLevel
{
    None,
    Read,
    Triage,
    Write,
    Maintain,
    Admin,
}
