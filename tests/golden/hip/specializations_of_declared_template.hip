// Regression sample: a device function template that is only declared, used through its explicit
// specializations (`template <> ... copy_vector<float, 2>(...) {...}`), here called from a kernel template
// whose arguments pick the specialization, as HeCBench's softmax-fused copies vectors of half and float.
// cutrans refused it (L001: "function template 'copy_vector' has no definition"), since it looked for the
// primary template's body even where an explicit specialization supplies the one that is called.
#include <cstdio>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"

template <typename T, int ELEMENTS>
__device__ __inline__ void copy_vector(T *dst, const T *src);

template <>
__device__ __inline__ void copy_vector<float, 1>(float *dst, const float *src)
{
    *dst = *src;
}

template <>
__device__ __inline__ void copy_vector<float, 2>(float *dst, const float *src)
{
    *((float2 *)dst) = *((const float2 *)src);
}

template <>
__device__ __inline__ void copy_vector<__half, 2>(__half *dst, const __half *src)
{
    *((__half2 *)dst) = *((const __half2 *)src);
}

template <typename T, int ELEMENTS>
__global__ void gather(T *dst, const T *src, int groups)
{
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    if (g < groups) {
        copy_vector<T, ELEMENTS>(dst + g * ELEMENTS, src + (groups - 1 - g) * ELEMENTS);   // groups reversed
    }
}

template <typename T, int ELEMENTS>
static int run(const char *name, const T *host, int count)
{
    T *src, *dst, *back = new T[count];
    hipMalloc((void **)&src, count * sizeof(T));
    hipMalloc((void **)&dst, count * sizeof(T));
    hipMemcpy(src, host, count * sizeof(T), hipMemcpyHostToDevice);
    const int groups = count / ELEMENTS;
    gather<T, ELEMENTS><<<(groups + 31) / 32, 32>>>(dst, src, groups);
    hipMemcpy(back, dst, count * sizeof(T), hipMemcpyDeviceToHost);
    int failures = 0;
    printf("%s x%d:", name, ELEMENTS);
    for (int i = 0; i < count; ++i) {
        const int g = i / ELEMENTS, want = (groups - 1 - g) * ELEMENTS + i % ELEMENTS;
        failures += (float)back[i] != (float)host[want];
        if (i < 6) {
            printf(" %g", (float)back[i]);
        }
    }
    printf("\n");
    hipFree(src);
    hipFree(dst);
    delete[] back;
    return failures;
}

int main()
{
    const int count = 96;
    float floats[count];
    __half halves[count];
    for (int i = 0; i < count; ++i) {
        floats[i] = 0.5f * (float)i - 7.0f;
        halves[i] = __float2half(0.25f * (float)(i % 40));
    }
    int failures = run<float, 1>("float", floats, count) + run<float, 2>("float", floats, count) +
                   run<__half, 2>("half", halves, count);
    failures += hipGetLastError() != hipSuccess;
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
