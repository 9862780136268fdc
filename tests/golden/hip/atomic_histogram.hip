// Per-block histogram in shared memory: each thread counts its values with atomicAdd on unsigned
// in __shared__ memory, then each block merges its bins into the global histogram with atomicAdd.
// Integer counts, so any order of the atomic updates gives the same result.
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

#define BINS 64
#define BLOCK_SIZE 128

__global__ void histogram(const unsigned char *data, unsigned int *bins, int n)
{
    __shared__ unsigned int local[BINS];
    for (int b = threadIdx.x; b < BINS; b += blockDim.x) {
        local[b] = 0u;
    }
    __syncthreads();
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
        atomicAdd(&local[data[i] % BINS], 1u);
    }
    __syncthreads();
    for (int b = threadIdx.x; b < BINS; b += blockDim.x) {
        if (local[b] != 0u) {
            atomicAdd(&bins[b], local[b]);
        }
    }
}

int main()
{
    const int n = 50000;
    const int grid = 24;
    unsigned char *h_data = (unsigned char *)malloc(n);
    unsigned int h_bins[BINS];
    unsigned int want[BINS];
    for (int b = 0; b < BINS; ++b) {
        want[b] = 0u;
    }
    unsigned state = 12345u;
    for (int i = 0; i < n; ++i) {
        state = state * 1103515245u + 12345u;
        /* skewed data: low bins are hit much more often, so many threads collide on one bin */
        unsigned r = (state >> 16) & 0xffu;
        h_data[i] = (unsigned char)((r * r) >> 8);
        want[h_data[i] % BINS] += 1u;
    }

    unsigned char *d_data;
    unsigned int *d_bins;
    CHECK(hipMalloc((void **)&d_data, n));
    CHECK(hipMalloc((void **)&d_bins, BINS * sizeof(unsigned int)));
    CHECK(hipMemcpy(d_data, h_data, n, hipMemcpyHostToDevice));
    CHECK(hipMemset(d_bins, 0, BINS * sizeof(unsigned int)));

    histogram<<<grid, BLOCK_SIZE>>>(d_data, d_bins, n);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    CHECK(hipMemcpy(h_bins, d_bins, BINS * sizeof(unsigned int), hipMemcpyDeviceToHost));

    unsigned long long total = 0;
    int bad = 0;
    for (int b = 0; b < BINS; ++b) {
        total += h_bins[b];
        if (h_bins[b] != want[b]) {
            ++bad;
        }
    }
    for (int b = 0; b < BINS; b += 8) {
        printf("bins[%2d..%2d] = %u %u %u %u %u %u %u %u\n", b, b + 7, h_bins[b], h_bins[b + 1],
               h_bins[b + 2], h_bins[b + 3], h_bins[b + 4], h_bins[b + 5], h_bins[b + 6], h_bins[b + 7]);
    }
    printf("total = %llu, n = %d, bad bins = %d\n", total, n, bad);

    CHECK(hipFree(d_data));
    CHECK(hipFree(d_bins));
    free(h_data);
    int ok = total == (unsigned long long)n && bad == 0;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
