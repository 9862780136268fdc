// Device printf on every target: the common conversions (%d %i %u %x %X %o %c %s %f %e %g %ld %lld %llu),
// flags, widths and precisions, float arguments promoted to double as C's variadic calls do. Output order:
// one thread prints the first lines; then threads 0..3 take turns, separated by barriers; the host prints
// between the launches, after synchronizing.
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

__global__ void print_one(const float *v, int k)
{
    if (threadIdx.x == 0 && blockIdx.x == 0) {
        unsigned int bits = 0xdeadbeefu >> k;
        long wide = 1234567890123l * (k + 1);
        long long wider = -9000000000000000000ll + k;
        unsigned long long big = 18000000000000000000ull + (unsigned long long)k;
        short small = (short)(-7 * k);
        char letter = (char)('A' + k);
        printf("ints: %d %i %u %x %X %o|%-5d|%05d|%+d|% d\n", -k, small, bits, bits, bits, bits, k, k, k, k);
        printf("chars: %c%c %s %%\n", letter, '!', "literal");
        printf("floats: %f %e %g|%8.3f|%+e|%.2f|%-10.4g|%G\n", v[0], v[1], v[2], v[0], v[1], 12.5 * k, v[2], 1e-10);
        printf("longs: %ld %lld %llu %lx %#llx\n", wide, wider, big, wide, big);
    }
}

__global__ void print_in_turn(const float *v, int n)
{
    int t = threadIdx.x;      // HIP's threadIdx.x is not a scalar that printf can take
    for (int turn = 0; turn < (int)blockDim.x; ++turn) {
        if (turn == t && t < n) {
            printf("thread %d: %8.3f = %e ~ %g\n", t, v[t], v[t], v[t]);
        }
        __syncthreads();
    }
}

int main()
{
    const int n = 4;
    float h[n] = {3.14159265f, -0.000123456f, 65504.5f, 1.0f / 3.0f};
    float *d_v;
    CHECK(hipMalloc((void **)&d_v, sizeof(h)));
    CHECK(hipMemcpy(d_v, h, sizeof(h), hipMemcpyHostToDevice));
    printf("host: before the first launch\n");
    hipLaunchKernelGGL(print_one, dim3(1), dim3(32), 0, 0, d_v, 3);
    CHECK(hipDeviceSynchronize());
    printf("host: between the launches\n");
    hipLaunchKernelGGL(print_in_turn, dim3(1), dim3(n), 0, 0, d_v, n);
    CHECK(hipDeviceSynchronize());
    printf("host: after the launches\n");
    CHECK(hipGetLastError());
    CHECK(hipFree(d_v));
    printf("PASS\n");
    return 0;
}
