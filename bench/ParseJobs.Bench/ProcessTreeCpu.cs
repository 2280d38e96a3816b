using System.Globalization;

namespace ParseJobs.Bench;

/// <summary>CPU seconds (user + system) a process and its descendants have used, from /proc: the service and its parser
/// children. Children that ended count through their parent's cutime/cstime once reaped. Linux only; null elsewhere.</summary>
public static class ProcessTreeCpu
{
    // USER_HZ: 100 on every Linux the service runs on (the kernel's ABI for /proc/*/stat).
    private const double TicksPerSecond = 100;

    public static double? Seconds(int rootPid)
    {
        if (!File.Exists($"/proc/{rootPid}/stat"))
        {
            return null;
        }

        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        var total = 0L;
        var pending = new Stack<int>([rootPid]);
        while (pending.TryPop(out var pid))
        {
            if (!stats.TryGetValue(pid, out var stat))
            {
                continue;
            }

            total += stat.Ticks;
            foreach (var (child, childStat) in stats)
            {
                if (childStat.Parent == pid)
                {
                    pending.Push(child);
                }
            }
        }

        return total / TicksPerSecond;
    }

    private static (int Parent, long Ticks)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields are counted after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        // After comm: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                    + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks);
    }
}
