// Thrust, as HIP output must write it (rocThrust): containers, algorithms with and without an execution
// policy, the CUDA backend's policy on a stream (thrust::cuda::par -> thrust::hip::par), fancy iterators,
// placeholders, raw pointers handed to a kernel, the backend test THRUST_DEVICE_SYSTEM_CUDA, and a program
// function named like a Thrust algorithm, which stays as it is.
#include <cstdio>
#include <vector>
#include <algorithm>
#include <hip/hip_runtime.h>
#include <thrust/device_vector.h>
#include <thrust/host_vector.h>
#include <thrust/reduce.h>
#include <thrust/sort.h>
#include <thrust/transform.h>
#include <thrust/sequence.h>
#include <thrust/functional.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/system/hip/execution_policy.h>

#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_HIP  // CHECK-HIP: #if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_HIP
#define BACKEND "device"
#else
#define BACKEND "host"
#endif

__global__ void scale(float *data, float factor, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) data[i] *= factor;
}

// the program's own `sort`: not Thrust's, so never renamed nor reported
static void sort(std::vector<int> &values) { std::sort(values.begin(), values.end()); }

int main() {
    const int n = 1 << 20;
    thrust::device_vector<float> x(n);
    thrust::sequence(x.begin(), x.end());
    hipLaunchKernelGGL(scale, dim3((n + 255) / 256), dim3(256), 0, 0, thrust::raw_pointer_cast(x.data()), 0.5f, n);

    using namespace thrust::placeholders;
    thrust::device_vector<float> y(n, 1.0f);
    thrust::transform(x.begin(), x.end(), y.begin(), y.begin(), 2.0f * _1 + _2);
    float total = thrust::reduce(thrust::device, y.begin(), y.end(), 0.0f, thrust::plus<float>());

    hipStream_t stream;
    hipStreamCreate(&stream);
    thrust::device_vector<int> keys(n);
    thrust::transform(thrust::hip::par.on(stream), thrust::make_counting_iterator(0),  // CHECK-HIP: thrust::hip::par.on(stream)
                      thrust::make_counting_iterator(n), keys.begin(), thrust::negate<int>());
    thrust::sort(thrust::hip::par.on(stream), keys.begin(), keys.end());
    hipStreamSynchronize(stream);

    thrust::host_vector<int> first(keys.begin(), keys.begin() + 4);
    std::vector<int> mine(first.begin(), first.end());
    sort(mine);
    printf("%s: total %f, smallest key %d\n", BACKEND, total, mine[0]);
    hipStreamDestroy(stream);
    return 0;
}
