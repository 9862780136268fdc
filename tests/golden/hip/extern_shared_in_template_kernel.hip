// Regression sample: dynamic shared memory declared inside a template kernel (`extern __shared__` at block
// scope), viewed as the kernel's element type through reinterpret_cast, as HeCBench convolution1D does.
// A block-scope extern belongs to the enclosing namespace, which once made it look like a bound template
// parameter of the kernel's instance ("cannot evaluate template parameter"). Each block stages its tile
// plus a halo in shared memory and computes a 3-point moving sum, for float, double and int.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

template <typename T>
__global__ void moving_sum(const T *__restrict__ in, T *__restrict__ out, int n)
{
    extern __shared__ unsigned char smem[];
    T *tile = reinterpret_cast<T *>(smem);
    const T *first = const_cast<const T *>(tile);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    tile[threadIdx.x + 1] = i < n ? in[i] : (T)0;
    if (threadIdx.x == 0) tile[0] = i > 0 ? in[i - 1] : (T)0;
    if (threadIdx.x == blockDim.x - 1) tile[blockDim.x + 1] = i + 1 < n ? in[i + 1] : (T)0;
    __syncthreads();
    if (i < n) out[i] = first[threadIdx.x] + first[threadIdx.x + 1] + first[threadIdx.x + 2];
}

template <typename T>
double run(int n, int block)
{
    T *h = (T *)malloc(n * sizeof(T)), *d_in, *d_out;
    for (int i = 0; i < n; i++) h[i] = (T)(i % 13) - (T)6;
    hipMalloc(&d_in, n * sizeof(T));
    hipMalloc(&d_out, n * sizeof(T));
    hipMemcpy(d_in, h, n * sizeof(T), hipMemcpyHostToDevice);
    moving_sum<T><<<(n + block - 1) / block, block, (block + 2) * sizeof(T)>>>(d_in, d_out, n);
    hipMemcpy(h, d_out, n * sizeof(T), hipMemcpyDeviceToHost);
    double sum = 0;
    for (int i = 0; i < n; i++) sum += (double)h[i] * (i % 7 + 1);
    hipFree(d_in);
    hipFree(d_out);
    free(h);
    return sum;
}

int main()
{
    double f = run<float>(1000, 64);
    double d = run<double>(777, 128);
    double k = run<int>(513, 32);
    printf("float %.3f double %.3f int %.0f\n", f, d, k);
    int ok = hipGetLastError() == hipSuccess;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
