#include "cpurt.h"
#include "half2_atomic_pointer_arithmetic.launch.h"
// atomicAdd on __half2 through pointer arithmetic (`result_v + tid % 256`), as HeCBench f16atomic writes it,
// next to the indexed form (`&result_v[i]`). On OpenCL without cl_khr_fp16 a __half2 of global memory is
// reached through a pointer to 32-bit words, and the atomic's helper is chosen by that pointer's type: the sum
// of a pointer and an offset kept the type of halves held in floats, so the update read and wrote floats over
// the halves (PoCL only warned of the pointer types), and every result was 0.
#include <cstdio>
#include "cutrans_fp16.h"

#define SLOTS 8

/* cutrans: kernel 'accumulate' moved to half2_atomic_pointer_arithmetic.kernels.c */











int main()
{
    const int n = 200;
    __half *d;
    cpurtMalloc(&d, 2 * (SLOTS + 2) * sizeof(__half));
    cpurtMemset(d, 0, 2 * (SLOTS + 2) * sizeof(__half));
    cutrans_launch_accumulate((n + 63) / 64, 64, 0, 0, d, n);
    __half h[2 * (SLOTS + 2)];
    cpurtMemcpy(h, d, sizeof(h), cpurtMemcpyDeviceToHost);
    int bad = 0;
    for (int s = 0; s < SLOTS + 2; ++s) {
        const float lo = __half2float(h[2 * s]), hi = __half2float(h[2 * s + 1]);
        const float count = s < SLOTS ? n / SLOTS : n / 2;
        printf("slot %d: %.2f %.2f\n", s, lo, hi);
        bad += s < SLOTS ? (lo != 0.5f * count || hi != count) : (lo != 0.25f * count || hi != -count);
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
