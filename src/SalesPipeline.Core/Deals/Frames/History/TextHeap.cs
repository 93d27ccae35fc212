using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace SalesPipeline.Deals;

// Mostly-unique text (deal ids, names, comments) in one byte array instead of one string object each: every string
// is written once, as a length header and its UTF-8 bytes, and a column holds its offset. A string that is not
// well-formed UTF-16 (a lone surrogate, which UTF-8 cannot carry) is written as its UTF-16 code units instead, so
// every string comes back exactly as it went in. Immutable once built; safe to read from any thread.
internal sealed class TextHeap
{
    private readonly byte[] heap;

    private TextHeap(byte[] heap) => this.heap = heap;

    // The heap of no text: the ids of fields recorded without them (DealFields.Recorder).
    internal static TextHeap Empty { get; } = new([]);

    internal long Bytes => heap.LongLength;

    internal string this[int offset]
    {
        get
        {
            var header = ReadHeader(heap, ref offset);
            var length = (int)(header >> 1);
            return (header & 1) == 0
                ? Encoding.UTF8.GetString(heap, offset, length)
                : new string(MemoryMarshal.Cast<byte, char>(heap.AsSpan(offset, 2 * length)));
        }
    }

    // The header and bytes of the string at `offset`: one string has one encoding, so two strings are equal exactly
    // when their entries are (compared without decoding them: SameText).
    private ReadOnlySpan<byte> Entry(int offset)
    {
        var start = offset;
        var header = ReadHeader(heap, ref offset);
        var length = (int)(header >> 1) * ((header & 1) == 0 ? 1 : 2);
        return heap.AsSpan(start, offset - start + length);
    }

    // Offsets into this heap compared by the strings they hold (ordinal equality).
    internal IEqualityComparer<int> SameText => new EntryComparer(this);

    private sealed class EntryComparer(TextHeap text) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => text.Entry(x).SequenceEqual(text.Entry(y));

        public int GetHashCode(int obj)
        {
            var hash = new HashCode();
            hash.AddBytes(text.Entry(obj));
            return hash.ToHashCode();
        }
    }

    // Length << 1 | (1 when UTF-16), seven bits a byte, low bits first.
    private static uint ReadHeader(byte[] bytes, ref int offset)
    {
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[offset++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    internal sealed class Builder(bool reuse)
    {
        // Repeats of a recent string share its bytes; the memory of repeats is bounded, not the whole history's.
        private const int RecentLimit = 1 << 14;

        private readonly Dictionary<string, int>? recent = reuse ? new(StringComparer.Ordinal) : null;
        private byte[] buffer = new byte[1024];
        private int used;

        internal int Add(string text)
        {
            if (recent is not null && recent.TryGetValue(text, out var known))
            {
                return known;
            }
            var offset = used;
            var utf8 = Encoding.UTF8.GetByteCount(text);
            Reserve(5 + Math.Max(utf8, 2 * text.Length));
            var header = used + Header(utf8);
            var status = Utf8.FromUtf16(text, buffer.AsSpan(header), out _, out var written, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.Done && written == utf8)
            {
                WriteHeader((uint)utf8 << 1);
                used += utf8;
            }
            else
            {
                WriteHeader(((uint)text.Length << 1) | 1);
                MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(buffer.AsSpan(used));
                used += 2 * text.Length;
            }
            if (recent is not null)
            {
                if (recent.Count == RecentLimit)
                {
                    recent.Clear();
                }
                recent.Add(text, offset);
            }
            return offset;
        }

        // Appends the string at `offset` of another heap as its bytes, without decoding it: how a column is copied
        // or joined from built parts. A builder that reuses repeats does not see copied strings.
        internal int Copy(TextHeap source, int offset)
        {
            var entry = source.Entry(offset);
            Reserve(entry.Length);
            entry.CopyTo(buffer.AsSpan(used));
            var copied = used;
            used += entry.Length;
            return copied;
        }

        internal TextHeap Build() => new(buffer.AsSpan(0, used).ToArray());

        // The heaps of builders that wrote consecutive parts of the rows, one after the other, and where each part's
        // offsets start. A string a part repeats from the part before it is written again (each builder shares only
        // its own repeats), so the bytes can differ from one builder's; every offset reads the same string.
        internal static (TextHeap Heap, int[] Bases) Join(IReadOnlyList<Builder> parts)
        {
            long total = 0;
            var bases = new int[parts.Count];
            for (var p = 0; p < parts.Count; p++)
            {
                bases[p] = (int)Math.Min(total, int.MaxValue);
                total += parts[p].used;
            }
            if (total > Array.MaxLength)
            {
                throw new InvalidOperationException(
                    $"A frame holds at most {Array.MaxLength:N0} bytes of text in one column; this history needs more."
                );
            }
            var heap = new byte[total];
            for (var p = 0; p < parts.Count; p++)
            {
                parts[p].buffer.AsSpan(0, parts[p].used).CopyTo(heap.AsSpan(bases[p]));
            }
            return (new TextHeap(heap), bases);
        }

        private static int Header(int length)
        {
            var n = 1;
            for (var v = (uint)length << 1; v >= 0x80; v >>= 7)
            {
                n++;
            }
            return n;
        }

        private void WriteHeader(uint value)
        {
            while (value >= 0x80)
            {
                buffer[used++] = (byte)((value & 0x7F) | 0x80);
                value >>= 7;
            }
            buffer[used++] = (byte)value;
        }

        private void Reserve(int more)
        {
            if ((long)used + more > Array.MaxLength)
            {
                throw new InvalidOperationException(
                    $"A frame holds at most {Array.MaxLength:N0} bytes of text in one column; this history needs more."
                );
            }
            if (used + more > buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max((long)buffer.Length * 2, (long)used + more)));
            }
        }
    }
}
