// Template kernels and template device functions: a block reduction templated on the element type
// and the block size (the size of its __shared__ array), instantiated for float and int, launched
// with explicit, deduced and defaulted template arguments; template device functions calling each
// other with the kernel's parameters; one instantiation launched twice.
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

template <typename T>
__device__ T clamp_to(T x, T lo, T hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}

template <typename T>
__device__ T weigh(T x, int k)
{
    return clamp_to<T>(x * (T)k, (T)-50, (T)50);
}

template <typename T, int BLOCK>
__global__ void block_sum(const T *in, T *partial, int n, int k)
{
    __shared__ T cache[BLOCK];
    int tid = threadIdx.x;
    int i = blockIdx.x * BLOCK + tid;
    cache[tid] = i < n ? weigh(in[i], k) : T(0);
    __syncthreads();
#pragma unroll
    for (int s = BLOCK / 2; s > 0; s >>= 1) {
        if (tid < s) {
            cache[tid] += cache[tid + s];
        }
        __syncthreads();
    }
    if (tid == 0) {
        partial[blockIdx.x] = cache[0];
    }
}

template <typename T, int SCALE = 3>
__global__ void scale(T *data, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        data[i] = data[i] * (T)SCALE + clamp_to(data[i], (T)0, (T)1);
    }
}

static int clamp_host(int x) { return x < -50 ? -50 : (x > 50 ? 50 : x); }

int main()
{
    const int n = 1000;
    const int fblock = 128, iblock = 64;
    const int fgrid = (n + fblock - 1) / fblock, igrid = (n + iblock - 1) / iblock;
    float *h_f = (float *)malloc(n * sizeof(float));
    int *h_i = (int *)malloc(n * sizeof(int));
    float *h_fp = (float *)malloc(fgrid * sizeof(float));
    int *h_ip = (int *)malloc(igrid * sizeof(int));
    for (int i = 0; i < n; ++i) {
        h_i[i] = (i * 37) % 41 - 20;
        h_f[i] = 0.25f * (float)((i * 13) % 17 - 6);
    }

    float *d_f, *d_fp;
    int *d_i, *d_ip;
    CHECK(hipMalloc((void **)&d_f, n * sizeof(float)));
    CHECK(hipMalloc((void **)&d_i, n * sizeof(int)));
    CHECK(hipMalloc((void **)&d_fp, fgrid * sizeof(float)));
    CHECK(hipMalloc((void **)&d_ip, igrid * sizeof(int)));
    CHECK(hipMemcpy(d_f, h_f, n * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_i, h_i, n * sizeof(int), hipMemcpyHostToDevice));

    hipLaunchKernelGGL(HIP_KERNEL_NAME(block_sum<float, 128>), dim3(fgrid), dim3(fblock), 0, 0, d_f, d_fp, n, 3);
    hipLaunchKernelGGL(HIP_KERNEL_NAME(block_sum<int, 64>), dim3(igrid), dim3(iblock), 0, 0, d_i, d_ip, n, 2);
    CHECK(hipGetLastError());
    CHECK(hipMemcpy(h_fp, d_fp, fgrid * sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_ip, d_ip, igrid * sizeof(int), hipMemcpyDeviceToHost));

    double fsum = 0.0, fwant = 0.0;
    long long isum = 0, iwant = 0;
    for (int b = 0; b < fgrid; ++b) fsum += h_fp[b];
    for (int b = 0; b < igrid; ++b) isum += h_ip[b];
    for (int i = 0; i < n; ++i) {
        float w = h_f[i] * 3.0f;
        fwant += w < -50.0f ? -50.0f : (w > 50.0f ? 50.0f : w);
        iwant += clamp_host(h_i[i] * 2);
    }
    printf("float blocks = %d, partial[0] = %.4f, sum = %.4f, expected = %.4f\n", fgrid, h_fp[0], fsum, fwant);
    printf("int blocks = %d, partial[0] = %d, sum = %lld, expected = %lld\n", igrid, h_ip[0], isum, iwant);

    hipLaunchKernelGGL(scale, dim3(igrid), dim3(iblock), 0, 0, d_i, n);           // deduced: scale<int, 3>
    hipLaunchKernelGGL(HIP_KERNEL_NAME(scale<int, 5>), dim3(igrid), dim3(iblock), 0, 0, d_i, n);   // explicit
    hipLaunchKernelGGL(HIP_KERNEL_NAME(scale<float>), dim3(fgrid), dim3(fblock), 0, 0, d_f, n);    // partly explicit: scale<float, 3>
    hipLaunchKernelGGL(HIP_KERNEL_NAME(block_sum<int, 64>), dim3(igrid), dim3(iblock), 0, 0, d_i, d_ip, n, 1);   // the same instance again
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    CHECK(hipMemcpy(h_ip, d_ip, igrid * sizeof(int), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_f, d_f, n * sizeof(float), hipMemcpyDeviceToHost));

    long long isum2 = 0, iwant2 = 0;
    double fsum2 = 0.0, fwant2 = 0.0;
    for (int b = 0; b < igrid; ++b) isum2 += h_ip[b];
    for (int i = 0; i < n; ++i) {
        int x = (i * 37) % 41 - 20;
        x = x * 3 + (x < 0 ? 0 : (x > 1 ? 1 : x));
        x = x * 5 + (x < 0 ? 0 : (x > 1 ? 1 : x));
        iwant2 += clamp_host(x);
        float f = 0.25f * (float)((i * 13) % 17 - 6);
        fwant2 += f * 3.0f + (f < 0.0f ? 0.0f : (f > 1.0f ? 1.0f : f));
        fsum2 += h_f[i];
    }
    printf("after scale: int sum = %lld, expected = %lld\n", isum2, iwant2);
    printf("after scale: float sum = %.4f, expected = %.4f, f[5] = %.4f\n", fsum2, fwant2, h_f[5]);

    CHECK(hipFree(d_f));
    CHECK(hipFree(d_i));
    CHECK(hipFree(d_fp));
    CHECK(hipFree(d_ip));
    free(h_f);
    free(h_i);
    free(h_fp);
    free(h_ip);
    int ok = fsum == fwant && isum == iwant && isum2 == iwant2 && fsum2 == fwant2;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
