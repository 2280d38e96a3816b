namespace ParseJobs.Extraction.Payroll;

/// <summary>Every way of reading employees the extractor tries, in order of preference on a tie.</summary>
public static class PayrollReadings
{
    public static IReadOnlyList<IPayrollReading> Default { get; } =
    [
        new Tables.WideTableReading(),
        new Tables.ItemRowsReading(),
    ];
}
