namespace ParseJobs.Extraction.Isolation;

/// <summary>Reads '\n'-terminated lines of bytes from a stream without ever holding more than a given number of
/// bytes of one line: a child that writes a gigabyte without a newline costs the parent that budget, not a
/// gigabyte. (StreamReader.ReadLine has no bound.) Between lines it reads frames of raw bytes of a size the caller
/// checked (<see cref="ReadExactlyAsync"/>).</summary>
internal sealed class BoundedLineReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next line without its terminator, or null at the end of the stream. A line longer than
    /// <paramref name="maxBytes"/> throws <see cref="LineTooLongException"/>, or with <paramref name="truncate"/>
    /// is cut to <paramref name="maxBytes"/> (the rest of the line is read and dropped).</summary>
    public async Task<byte[]?> ReadLineAsync(long maxBytes, bool truncate, CancellationToken ct)
    {
        using var line = new MemoryStream();
        var sawData = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, ct);
                if (_end == 0)
                    return sawData ? Trim(line.ToArray()) : null;
            }

            sawData = true;
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline >= 0 ? newline : _end;
            var room = maxBytes - line.Length;
            var take = (int)Math.Min(stop - _start, Math.Max(0, room));
            if (stop - _start > room && !truncate)
                throw new LineTooLongException(maxBytes);
            line.Write(_buffer, _start, take);
            _start = newline >= 0 ? newline + 1 : _end;
            if (newline >= 0)
                return Trim(line.ToArray());
        }
    }

    /// <summary>The next <paramref name="count"/> bytes; <see cref="EndOfStreamException"/> when the stream ends first.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken ct)
    {
        var result = new byte[count];
        var buffered = Math.Min(count, _end - _start);
        Array.Copy(_buffer, _start, result, 0, buffered);
        _start += buffered;
        if (buffered < count)
            await stream.ReadExactlyAsync(result.AsMemory(buffered), ct);
        return result;
    }

    private static byte[] Trim(byte[] line) => line is [.., (byte)'\r'] ? line[..^1] : line;
}

/// <summary>A line passed the reader's byte budget.</summary>
internal sealed class LineTooLongException(long maxBytes) : Exception($"A line exceeded {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
