using System.Text.RegularExpressions;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents.Txt;

/// <summary>
/// Builds the layout model of a plain-text document, decoded as <see cref="TextDecoding"/> does. Headings come
/// from plain-text conventions (a line underlined with === or ---, markdown '#', an ALL-CAPS short line opening a
/// block, a short line ending with ':'), list items from bullets and enumerators, paragraphs from runs of non-empty
/// lines. Everything is on page 1 with estimated boxes.
/// </summary>
public sealed partial class TxtLayoutReader
{
    private const int MaxHeadingLength = 60;
    private const int MaxHeadingWords = 6;

    // The level of Heading 1 when it is not the title, as DocxLayoutReader maps it.
    private const int SectionLevel = 2;

    public LayoutDocument Read(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var text = TextNormalizer.NormalizeNewlines(TextDecoding.Decode(content));
        if (string.IsNullOrWhiteSpace(text))
            throw new DocumentParseException(ParseErrorCodes.EmptyDocument, "The text document is empty.");

        var layout = new ApproximateLayout(limits);
        new Blocks(layout).Read(text.Split('\n'));
        progress?.Report(new PageProgress(1, 1));
        return layout.Build(DocumentType.Txt, [], []);
    }

    internal static bool IsUnderline(string trimmed) =>
        trimmed.Length >= 3 && (trimmed.All(c => c == '=') || trimmed.All(c => c == '-'));

    /// <summary>"EXPERIENCE", "BERUFSERFAHRUNG 2019": letters, none lower-case, and short.</summary>
    internal static bool IsCapsHeading(string trimmed) =>
        trimmed.Length <= MaxHeadingLength
        && trimmed.Count(char.IsLetter) >= 2
        && !trimmed.Any(char.IsLower)
        && WordCount(trimmed) <= MaxHeadingWords;

    /// <summary>"Work experience:" alone on its line (a "Phone: 123" line does not end with the colon).</summary>
    internal static bool IsColonHeading(string trimmed) =>
        trimmed.Length is > 1 and <= MaxHeadingLength
        && trimmed.EndsWith(':')
        && trimmed.IndexOf(':', StringComparison.Ordinal) == trimmed.Length - 1
        && trimmed.Any(char.IsLetter)
        && WordCount(trimmed) <= MaxHeadingWords;

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)(?:\s+#+)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MarkdownHeading();

    /// <summary>The line state machine: an open paragraph or an open list item, flushed at blank lines and headings.</summary>
    private sealed class Blocks(ApproximateLayout layout)
    {
        private readonly List<string> paragraph = [];
        private readonly List<string> item = [];

        public void Read(string[] lines)
        {
            var blockStart = true;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.Trim();
                if (trimmed.Length == 0)
                {
                    Flush();
                    blockStart = true;
                    continue;
                }

                var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
                if (IsUnderline(next) && !IsUnderline(trimmed) && paragraph.Count == 0)
                {
                    Heading(trimmed, next[0] == '=' ? 1 : 2);
                    i++;
                }
                else if (IsUnderline(trimmed))
                {
                    // A horizontal rule separates blocks and carries no text.
                    Flush();
                }
                else if (MarkdownHeading().Match(trimmed) is { Success: true } markdown && markdown.Groups[2].Length > 0)
                {
                    Heading(markdown.Groups[2].Value, markdown.Groups[1].Length);
                }
                else if (ListMarkers.TryStrip(line, out var rest))
                {
                    Flush();
                    item.Add(rest.Trim());
                }
                else if (IsColonHeading(trimmed) || (blockStart && IsCapsHeading(trimmed)))
                {
                    Flush();
                    layout.AddSection(trimmed, SectionLevel);
                }
                else if (item.Count > 0 && (char.IsWhiteSpace(line[0]) || char.IsLower(trimmed[0])))
                {
                    // An indented or lower-case line continues the wrapped list item.
                    item.Add(trimmed);
                }
                else
                {
                    FlushItem();
                    paragraph.Add(trimmed);
                }

                // Only a blank line opens a block: a capitalised company line under a heading is not a heading.
                blockStart = false;
            }

            Flush();
        }

        private void Heading(string text, int outlineLevel)
        {
            Flush();
            layout.AddHeading(text, outlineLevel);
        }

        private void Flush()
        {
            FlushItem();
            if (paragraph.Count > 0)
                layout.Add(SegmentType.Text, string.Join('\n', paragraph));
            paragraph.Clear();
        }

        private void FlushItem()
        {
            if (item.Count > 0)
                layout.Add(SegmentType.ListItem, string.Join('\n', item));
            item.Clear();
        }
    }
}
