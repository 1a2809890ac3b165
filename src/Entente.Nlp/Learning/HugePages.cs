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

    /// <summary>Collapses the whole 2 MiB pages inside <paramref name="array"/> (allocated by <see cref="Allocate{T}"/>) into huge pages.</summary>
    public static unsafe void Advise<T>(T[] array)
        where T : unmanaged
    {
        long bytes = (long)array.Length * sizeof(T);
        if (bytes < 2 * HugePage || !OperatingSystem.IsLinux())
        {
            return;
        }

        fixed (T* p = array)
        {
            long start = ((long)p + HugePage - 1) & ~(HugePage - 1);
            long end = ((long)p + bytes) & ~(HugePage - 1);
            if (end <= start)
            {
                return;
            }

            try
            {
                // MADV_HUGEPAGE keeps khugepaged interested; MADV_COLLAPSE (Linux 6.1+) makes the pages now.
                _ = Madvise((nint)start, (nuint)(end - start), MadvHugePage);
                _ = Madvise((nint)start, (nuint)(end - start), MadvCollapse);
            }
            catch (DllNotFoundException)
            {
            }
            catch (EntryPointNotFoundException)
            {
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
