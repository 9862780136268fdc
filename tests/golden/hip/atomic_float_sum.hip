// Float and double atomicAdd reductions, in global and in shared memory, plus the int atomics whose
// result does not depend on the order in which threads arrive: atomicMax, atomicMin, atomicCAS,
// atomicExch, atomicInc, atomicDec, atomicSub, atomicAnd/Or/Xor, and 64-bit unsigned atomics.
// The values are multiples of 0.25 with small totals, so every partial sum is exact and any order
// of the additions gives the same float.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define BLOCK_SIZE 64
#define SLOTS 16

__global__ void float_sums(const float *v, const double *d, float *fsum, double *dsum, float *block_sums, int n)
{
    __shared__ float block_sum;
    if (threadIdx.x == 0) {
        block_sum = 0.0f;
    }
    __syncthreads();
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        atomicAdd(&block_sum, v[i]);
        atomicAdd(fsum, v[i]);
        atomicAdd(&dsum[i % 2], d[i]);
    }
    __syncthreads();
    if (threadIdx.x == 0) {
        block_sums[blockIdx.x] = block_sum;
    }
}

// ints[0] max, [1] min, [2] CAS winners, [3] exchange firsts, [4] and, [5] or, [6] xor, [7] sub
__global__ void int_atomics(const int *v, int *ints, int *slots, int *flag, unsigned int *counters,
                            unsigned long long *wide, int n)
{
    __shared__ int block_max;
    __shared__ unsigned int block_wraps;
    if (threadIdx.x == 0) {
        block_max = -2147483647 - 1;
        block_wraps = 0u;
    }
    __syncthreads();
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        int x = v[i];
        atomicMax(&ints[0], x);
        atomicMin(&ints[1], x);
        atomicMax(&block_max, x);
        if (atomicCAS(&slots[i % SLOTS], 0, i + 1) == 0) {
            atomicAdd(&ints[2], 1);
        }
        if (atomicExch(flag, 1) == 0) {
            atomicAdd(&ints[3], 1);
        }
        atomicAnd(&ints[4], ~(1 << (i % 31)));
        atomicOr(&ints[5], 1 << (i % 29));
        atomicXor(&ints[6], x);
        atomicSub(&ints[7], 3);
        if (atomicInc(&counters[0], 9u) == 9u) {
            atomicAdd(&block_wraps, 1u);
        }
        atomicDec(&counters[1], 4u);
        atomicAdd(&wide[0], 4294967296ull + (unsigned long long)i);
        atomicMax(&wide[1], (unsigned long long)(x + 1000) * 3000000000ull);
        atomicMin(&wide[2], 18446744073709551615ull - (unsigned long long)i);
    }
    __syncthreads();
    if (threadIdx.x == 0) {
        atomicMax(&ints[8], block_max);
        atomicAdd(&counters[2], block_wraps);
    }
}

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
    CHECK(hipMalloc((void **)&d_v, n * sizeof(float)));
    CHECK(hipMalloc((void **)&d_d, n * sizeof(double)));
    CHECK(hipMalloc((void **)&d_i, n * sizeof(int)));
    CHECK(hipMalloc((void **)&d_fsum, sizeof(float)));
    CHECK(hipMalloc((void **)&d_dsum, 2 * sizeof(double)));
    CHECK(hipMalloc((void **)&d_block, grid * sizeof(float)));
    CHECK(hipMalloc((void **)&d_ints, sizeof(h_ints0)));
    CHECK(hipMalloc((void **)&d_slots, SLOTS * sizeof(int)));
    CHECK(hipMalloc((void **)&d_flag, sizeof(int)));
    CHECK(hipMalloc((void **)&d_counters, sizeof(h_counters0)));
    CHECK(hipMalloc((void **)&d_wide, sizeof(h_wide0)));
    CHECK(hipMemcpy(d_v, h_v, n * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_d, h_d, n * sizeof(double), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_i, h_i, n * sizeof(int), hipMemcpyHostToDevice));
    CHECK(hipMemset(d_fsum, 0, sizeof(float)));
    CHECK(hipMemset(d_dsum, 0, 2 * sizeof(double)));
    CHECK(hipMemcpy(d_ints, h_ints0, sizeof(h_ints0), hipMemcpyHostToDevice));
    CHECK(hipMemset(d_slots, 0, SLOTS * sizeof(int)));
    CHECK(hipMemset(d_flag, 0, sizeof(int)));
    CHECK(hipMemcpy(d_counters, h_counters0, sizeof(h_counters0), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_wide, h_wide0, sizeof(h_wide0), hipMemcpyHostToDevice));

    float_sums<<<grid, BLOCK_SIZE>>>(d_v, d_d, d_fsum, d_dsum, d_block, n);
    CHECK(hipGetLastError());
    int_atomics<<<grid, BLOCK_SIZE>>>(d_i, d_ints, d_slots, d_flag, d_counters, d_wide, n);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());

    float fsum;
    double dsum[2];
    int ints[9];
    unsigned int counters[3];
    unsigned long long wide[3];
    CHECK(hipMemcpy(&fsum, d_fsum, sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(dsum, d_dsum, sizeof(dsum), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_block, d_block, grid * sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(ints, d_ints, sizeof(ints), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(counters, d_counters, sizeof(counters), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(wide, d_wide, sizeof(wide), hipMemcpyDeviceToHost));

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

    CHECK(hipFree(d_v));
    CHECK(hipFree(d_d));
    CHECK(hipFree(d_i));
    CHECK(hipFree(d_fsum));
    CHECK(hipFree(d_dsum));
    CHECK(hipFree(d_block));
    CHECK(hipFree(d_ints));
    CHECK(hipFree(d_slots));
    CHECK(hipFree(d_flag));
    CHECK(hipFree(d_counters));
    CHECK(hipFree(d_wide));
    free(h_v);
    free(h_d);
    free(h_i);
    free(h_block);
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
