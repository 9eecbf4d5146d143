/* A stand-in for Windows' bcryptprimitives.dll, which wine 8.0 lacks, for scripts/check-windows.sh.
 *
 * Every Windows binary built by Rust 1.78 or later imports ProcessPrng from this DLL (the
 * standard library's random numbers, e.g. for HashMap); without it the .exe dies at load under
 * wine (status c0000135). Real Windows 8.1 and later ship the DLL. ProcessPrng fills the buffer
 * with system randomness and always succeeds; RtlGenRandom (SystemFunction036 in advapi32),
 * which wine has, does the same, in chunks because it takes a 32-bit length. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
