using System.Text;

namespace ParseJobs.Extraction.Parsing;

/// <summary>Small text clean-ups shared by the extractors.</summary>
internal static class TextNormalizer
{
    /// <summary>CRLF and CR become LF; NUL and other C0 controls except tab and LF are dropped; trailing spaces trimmed.</summary>
    public static string NormalizeNewlines(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
            }
            else if (c is '\u2028' or '\u2029' or '\u0085' or '\f' or '\v')
            {
                sb.Append('\n');
            }
            else if (c == '\uFEFF' || (c < ' ' && c is not '\t' and not '\n'))
            {
                // BOMs inside the text and control characters carry no content.
            }
            else
            {
                sb.Append(c);
            }
        }

        var lines = sb.ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
            lines[i] = lines[i].TrimEnd();
        return string.Join('\n', lines).Trim('\n');
    }
}
