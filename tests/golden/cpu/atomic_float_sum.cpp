// Float and double atomicAdd reductions, in global and in shared memory, plus the int atomics whose
// result does not depend on the order in which threads arrive: atomicMax, atomicMin, atomicCAS,
// atomicExch, atomicInc, atomicDec, atomicSub, atomicAnd/Or/Xor, and 64-bit unsigned atomics.
// The values are multiples of 0.25 with small totals, so every partial sum is exact and any order
// of the additions gives the same float.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "atomic_float_sum.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define BLOCK_SIZE 64
#define SLOTS 16

/* cutrans: kernel 'float_sums' moved to atomic_float_sum.kernels.c */


















// ints[0] max, [1] min, [2] CAS winners, [3] exchange firsts, [4] and, [5] or, [6] xor, [7] sub
/* cutrans: kernel 'int_atomics' moved to atomic_float_sum.kernels.c */








































int main()
{
    const int n = 1000;
    const int grid = (n + BLOCK_SIZE - 1) / BLOCK_SIZE;
    float *h_v = (float *)malloc(n * sizeof(float));
    double *h_d = (double *)malloc(n * sizeof(double));
    int *h_i = (int *)malloc(n * sizeof(int));
    float *h_block = (float *)malloc(grid * sizeof(float));
    float want_f = 0.0f;
    double want_d[2] = {0.0, 0.0};
    int want_max = -2147483647 - 1, want_min = 2147483647, want_xor = 0;
    for (int i = 0; i < n; ++i) {
        h_v[i] = (float)((i * 7) % 13 - 5) * 0.25f;
        h_d[i] = (double)((i * 5) % 11 - 5) * 0.125;
        h_i[i] = (i * 7919) % 2003 - 1000;
        want_f += h_v[i];
        want_d[i % 2] += h_d[i];
        want_max = h_i[i] > want_max ? h_i[i] : want_max;
        want_min = h_i[i] < want_min ? h_i[i] : want_min;
        want_xor ^= h_i[i];
    }

    float *d_v, *d_fsum, *d_block;
    double *d_d, *d_dsum;
    int *d_i, *d_ints, *d_slots, *d_flag;
    unsigned int *d_counters;
    unsigned long long *d_wide;
    const int h_ints0[9] = {-2147483647 - 1, 2147483647, 0, 0, -1, 0, 0, 100, -2147483647 - 1};
    const unsigned int h_counters0[3] = {0u, 2u, 0u};
    const unsigned long long h_wide0[3] = {0ull, 0ull, 18446744073709551615ull};
    CHECK(cpurtMalloc((void **)&d_v, n * sizeof(float)));
    CHECK(cpurtMalloc((void **)&d_d, n * sizeof(double)));
    CHECK(cpurtMalloc((void **)&d_i, n * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_fsum, sizeof(float)));
    CHECK(cpurtMalloc((void **)&d_dsum, 2 * sizeof(double)));
    CHECK(cpurtMalloc((void **)&d_block, grid * sizeof(float)));
    CHECK(cpurtMalloc((void **)&d_ints, sizeof(h_ints0)));
    CHECK(cpurtMalloc((void **)&d_slots, SLOTS * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_flag, sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_counters, sizeof(h_counters0)));
    CHECK(cpurtMalloc((void **)&d_wide, sizeof(h_wide0)));
    CHECK(cpurtMemcpy(d_v, h_v, n * sizeof(float), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_d, h_d, n * sizeof(double), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_i, h_i, n * sizeof(int), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemset(d_fsum, 0, sizeof(float)));
    CHECK(cpurtMemset(d_dsum, 0, 2 * sizeof(double)));
    CHECK(cpurtMemcpy(d_ints, h_ints0, sizeof(h_ints0), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemset(d_slots, 0, SLOTS * sizeof(int)));
    CHECK(cpurtMemset(d_flag, 0, sizeof(int)));
    CHECK(cpurtMemcpy(d_counters, h_counters0, sizeof(h_counters0), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_wide, h_wide0, sizeof(h_wide0), cpurtMemcpyHostToDevice));

    cutrans_launch_float_sums(grid, BLOCK_SIZE, 0, 0, d_v, d_d, d_fsum, d_dsum, d_block, n);
    CHECK(cpurtGetLastError());
    cutrans_launch_int_atomics(grid, BLOCK_SIZE, 0, 0, d_i, d_ints, d_slots, d_flag, d_counters, d_wide, n);
    CHECK(cpurtGetLastError());
    CHECK(cpurtDeviceSynchronize());

    float fsum;
    double dsum[2];
    int ints[9];
    unsigned int counters[3];
    unsigned long long wide[3];
    CHECK(cpurtMemcpy(&fsum, d_fsum, sizeof(float), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(dsum, d_dsum, sizeof(dsum), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(h_block, d_block, grid * sizeof(float), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(ints, d_ints, sizeof(ints), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(counters, d_counters, sizeof(counters), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(wide, d_wide, sizeof(wide), cpurtMemcpyDeviceToHost));

    float block_total = 0.0f;
    for (int b = 0; b < grid; ++b) {
        block_total += h_block[b];
    }
    unsigned long long want_wide0 = 4294967296ull * n + (unsigned long long)n * (n - 1) / 2;
    unsigned long long want_wide1 = (unsigned long long)(want_max + 1000) * 3000000000ull;
    printf("float sum = %.2f (expected %.2f), block sums total = %.2f, block 0 = %.2f\n",
           fsum, want_f, block_total, h_block[0]);
    printf("double sums = %.3f %.3f (expected %.3f %.3f)\n", dsum[0], dsum[1], want_d[0], want_d[1]);
    printf("max = %d (expected %d), min = %d (expected %d), max of block maxima = %d\n",
           ints[0], want_max, ints[1], want_min, ints[8]);
    printf("CAS winners = %d, exchange firsts = %d\n", ints[2], ints[3]);
    printf("and = %d, or = %d, xor = %d (expected %d), sub = %d\n", ints[4], ints[5], ints[6], want_xor, ints[7]);
    printf("inc counter = %u, wraps = %u, dec counter = %u\n", counters[0], counters[2], counters[1]);
    printf("u64 add = %llu, u64 max = %llu, u64 min = %llu\n", wide[0], wide[1], wide[2]);

    int ok = fsum == want_f && block_total == want_f && dsum[0] == want_d[0] && dsum[1] == want_d[1]
             && ints[0] == want_max && ints[1] == want_min && ints[8] == want_max && ints[2] == SLOTS
             && ints[3] == 1 && ints[4] == -2147483647 - 1 && ints[5] == (1 << 29) - 1 && ints[6] == want_xor
             && ints[7] == 100 - 3 * n && counters[0] == (unsigned)(n % 10) && counters[2] == (unsigned)(n / 10)
             && counters[1] == (unsigned)((2 + 5 * n - n) % 5) && wide[0] == want_wide0
             && wide[1] == want_wide1 && wide[2] == 18446744073709551615ull - (unsigned long long)(n - 1);

    CHECK(cpurtFree(d_v));
    CHECK(cpurtFree(d_d));
    CHECK(cpurtFree(d_i));
    CHECK(cpurtFree(d_fsum));
    CHECK(cpurtFree(d_dsum));
    CHECK(cpurtFree(d_block));
    CHECK(cpurtFree(d_ints));
    CHECK(cpurtFree(d_slots));
    CHECK(cpurtFree(d_flag));
    CHECK(cpurtFree(d_counters));
    CHECK(cpurtFree(d_wide));
    free(h_v);
    free(h_d);
    free(h_i);
    free(h_block);
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
