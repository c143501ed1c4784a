namespace ImpactBot.Core.Config;

/// <summary>Checks of a <c>project-dir</c> (from .impactbot.yml or --project-dir) before any file is read through it.</summary>
public static class ProjectDirs
{
    /// <summary>
    /// True for a path that is not a folder inside the repository: absolute ('/etc', 'C:\x', '\\server'), or with a '..'
    /// segment. Such a folder never holds the project's files, and reading it would report every model removed.
    /// </summary>
    public static bool Escapes(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var trimmed = dir.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('\\') || trimmed.StartsWith('~') || (trimmed.Length >= 2 && trimmed[1] == ':' && char.IsAsciiLetter(trimmed[0])))
        {
            return true;
        }

        return trimmed.Split('/', '\\').Any(segment => segment == "..");
    }
}
