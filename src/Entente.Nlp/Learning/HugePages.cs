using System.Runtime.InteropServices;

namespace Entente.Nlp.Learning;

/// <summary>
/// Asks Linux to back large, randomly probed model arrays with 2 MiB pages: perceptron lookups touch
/// tens of MiB at random, and with 4 KiB pages nearly every lookup also misses the TLB. Only a hint:
/// where it is unsupported or refused, nothing changes.
/// </summary>
internal static partial class HugePages
{
    private const int MadvHugePage = 14;
    private const int MadvCollapse = 25;
    private const long HugePage = 2 << 20;

    /// <summary>A pinned array of <paramref name="length"/> elements; large ones get the huge-page hint once filled (see <see cref="Advise{T}"/>).</summary>
    public static T[] Allocate<T>(int length)
        where T : unmanaged
        => (long)length * Marshal.SizeOf<T>() >= 2 * HugePage && OperatingSystem.IsLinux()
            ? GC.AllocateArray<T>(length, pinned: true)
            : new T[length];

    /// <summary>
    /// Marks the whole 2 MiB pages inside <paramref name="array"/> (allocated by <see cref="Allocate{T}"/>, so
    /// pinned) for huge pages and collapses them into huge pages on a background thread: the copy took
    /// ~120 ms for the fast parser's arrays, which a model's loading need not wait for (the array is
    /// usable throughout; lookups just get faster once it is done).
    /// </summary>
    public static unsafe void Advise<T>(T[] array)
        where T : unmanaged
    {
        long bytes = (long)array.Length * sizeof(T);
        if (bytes < 2 * HugePage || !OperatingSystem.IsLinux())
        {
            return;
        }

        long start, end;
        fixed (T* p = array)
        {
            start = ((long)p + HugePage - 1) & ~(HugePage - 1);
            end = ((long)p + bytes) & ~(HugePage - 1);
        }

        if (end <= start)
        {
            return;
        }

        // MADV_HUGEPAGE keeps khugepaged interested; MADV_COLLAPSE (Linux 6.1+) makes the pages now.
        if (!Call((nint)start, (nuint)(end - start), MadvHugePage))
        {
            return;
        }

        _ = Task.Run(() =>
        {
            Call((nint)start, (nuint)(end - start), MadvCollapse);
            GC.KeepAlive(array); // the range belongs to the array as long as it lives
        });
    }

    private static bool Call(nint address, nuint length, int advice)
    {
        try
        {
            _ = Madvise(address, length, advice);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
