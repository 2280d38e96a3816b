using System.Globalization;
using System.Reflection;
using System.Text;

namespace ParseJobs.Extraction.Payroll;

/// <summary>What a payroll header or label is.</summary>
public enum TermCategory
{
    EmployeeId,
    Name,
    FirstName,
    LastName,
    Gross,
    Net,
    Earning,
    Deduction,
    Tax,
    Ignore,

    /// <summary>A column of an item export: what kind of item a row is (earning, deduction, tax, gross, net).</summary>
    ItemType,

    /// <summary>A column of an item export: the printed wage-type code.</summary>
    ItemCode,

    /// <summary>A column of an item export: the item's label.</summary>
    ItemLabel,

    /// <summary>A column of an item export: the amount.</summary>
    Amount,

    /// <summary>Never an employee: a totals row or block.</summary>
    Total,
}

/// <summary>A recognised header or label: its canonical code and category.</summary>
public sealed record PayrollTerm(string Code, TermCategory Category);

/// <summary>The payroll vocabulary (Payroll/Data/payroll-terms.tsv, embedded) in EN/DE/FR/IT: header and label words
/// to canonical codes and categories. A label matches a name when, compared without case, accents and punctuation,
/// it is the name or holds it as whole words; the longest name wins.</summary>
public sealed class PayrollTerms
{
    private const string ResourceName = "ParseJobs.Extraction.Payroll.Data.payroll-terms.tsv";

    private readonly List<(string Name, PayrollTerm Term)> _names;

    private PayrollTerms(List<(string Name, PayrollTerm Term)> names) => _names = names;

    public static PayrollTerms Default { get; } = Load();

    /// <summary>The term a header or label means, or null. What an amount is (gross, net, a deduction, a tax…) wins
    /// over who or which column it is: "Pension (employee)" is a pension, "Employee NI" national insurance.</summary>
    public PayrollTerm? Match(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var key = Normalize(label);
        if (key.Length == 0)
            return null;
        return Longest(key, amountTerms: true) ?? Longest(key, amountTerms: false);
    }

    private PayrollTerm? Longest(string key, bool amountTerms)
    {
        PayrollTerm? best = null;
        var bestLength = 0;
        foreach (var (name, term) in _names)
        {
            if (IsAmountTerm(term.Category) == amountTerms && name.Length > bestLength && (key == name || ContainsWords(key, name)))
            {
                best = term;
                bestLength = name.Length;
            }
        }

        return best;
    }

    private static bool IsAmountTerm(TermCategory category) => category is TermCategory.Gross or TermCategory.Net
        or TermCategory.Earning or TermCategory.Deduction or TermCategory.Tax or TermCategory.Ignore or TermCategory.Total;

    /// <summary>Lower case, accents removed, punctuation as spaces, single spaces ("AHV/IV/EO-Beitrag" → "ahv iv eo beitrag").</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool ContainsWords(string key, string name)
    {
        var at = key.IndexOf(name, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || key[at - 1] == ' ';
            var after = at + name.Length == key.Length || key[at + name.Length] == ' ';
            if (before && after)
                return true;
            at = key.IndexOf(name, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static PayrollTerms Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var names = new List<(string, PayrollTerm)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0 || line.StartsWith('#'))
                continue;
            var columns = line.Split('\t');
            if (columns.Length < 3)
                throw new InvalidOperationException($"payroll-terms.tsv: a line needs code, category and names: '{line}'.");
            var term = new PayrollTerm(columns[0].Trim(), Enum.Parse<TermCategory>(columns[1].Trim().Replace("_", "", StringComparison.Ordinal), ignoreCase: true));
            foreach (var name in columns[2].Split('|'))
            {
                var key = Normalize(name);
                if (key.Length > 0)
                    names.Add((key, term));
            }
        }

        return new PayrollTerms(names);
    }
}
