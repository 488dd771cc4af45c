using System.Text;

namespace OneStop.Platform.Host.OpenApi;

/// <summary>
/// Stable operation ids by convention, from the route and the method: <c>GET api/v1/counters/dossiers/{id}/events</c>
/// is <c>counters.dossiers.by-id.events.get</c>. An id changes only when the address does, which is a breaking change
/// anyway (etc/docs/api-versioning.md); no endpoint file needs a WithName.
/// </summary>
internal static class OperationIds
{
    public static string For(string method, string relativePath)
    {
        var parts = new List<string>();
        foreach (var segment in relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s is "api" or "v1"))
        {
            if (segment.StartsWith('{'))
            {
                var name = segment.Trim('{', '}', '*');
                var cut = name.IndexOfAny([':', '?', '=']);
                parts.Add("by-" + Kebab(cut < 0 ? name : name[..cut]));
            }
            else
            {
                parts.Add(Kebab(segment));
            }
        }

        parts.Add(method.ToLowerInvariant());
        return string.Join('.', parts);
    }

    /// <summary>"membershipId" → "membership-id"; "register.xlsx" → "register-xlsx".</summary>
    private static string Kebab(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                if (sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }
}
