using System.Globalization;

namespace ParseJobs.Bench;

/// <summary>Options of the form <c>--name value</c>; anything else is rejected.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> values;

    private BenchArguments(Dictionary<string, string> values) => this.values = values;

    public static BenchArguments Parse(IEnumerable<string> args)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
                throw new ArgumentException($"Expected '--name value', got '{name}'.", nameof(args));
            parsed[name[2..]] = e.Current;
        }

        return new BenchArguments(parsed);
    }

    public string? Text(string name) => values.GetValueOrDefault(name);

    public string RequiredText(string name) =>
        values.GetValueOrDefault(name) ?? throw new ArgumentException($"--{name} is required.", nameof(name));

    public int Number(string name, int fallback, int min = 1, int max = 1_000_000)
    {
        if (!values.TryGetValue(name, out var text))
            return fallback;
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"--{name} must be between {min} and {max}.");
    }
}
