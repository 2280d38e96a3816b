namespace ParseJobs.Extraction.Payroll.Tables;

/// <summary>Withheld money is positive whatever sign a document prints: a column (or list) printed mostly negative
/// is turned around, and the odd value with the other sign is a refund or correction, negative.</summary>
public static class LineSigns
{
    /// <summary>−1 when most non-zero values are negative, else 1.</summary>
    public static int Orientation(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int negative = 0, positive = 0;
        foreach (var value in values)
        {
            if (value < 0)
                negative++;
            else if (value > 0)
                positive++;
        }

        return negative > positive ? -1 : 1;
    }
}
