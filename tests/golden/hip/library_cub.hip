// CUB, as HIP output must write it (hipCUB): block- and warp-level collectives in kernels, device-wide
// algorithms with their two-call temporary-storage protocol, iterators and operators, the caching allocator,
// an error-check macro, and names reached through `using namespace cub` or a per-algorithm header.
// Warning M004 where hipCUB differs: WarpReduce's logical warp defaults to the wavefront (64 lanes on CDNA).
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hipcub/hipcub.hpp>
#include <hipcub/block/block_reduce.hpp>
#include <hipcub/device/device_scan.hpp>

#define CHECK(call)                                                         \
    do {                                                                    \
        hipError_t err_ = HipcubDebug(call);                                  \
        if (err_ != hipSuccess) return 1;                                  \
    } while (0)

constexpr int kThreads = 128;
constexpr int kItems = 4;

// Each block sums its tile: loaded blocked-to-striped, reduced by the whole block.
__global__ void block_sums(const float *in, float *out, int n) {
    typedef hipcub::BlockLoad<float, kThreads, kItems, hipcub::BLOCK_LOAD_TRANSPOSE> Load;  // CHECK-HIP: hipcub::BlockLoad<float, kThreads, kItems, hipcub::BLOCK_LOAD_TRANSPOSE>
    typedef hipcub::BlockReduce<float, kThreads, hipcub::BLOCK_REDUCE_WARP_REDUCTIONS> Reduce;
    __shared__ union {
        typename Load::TempStorage load;
        typename Reduce::TempStorage reduce;
    } temp;
    float items[kItems];
    int offset = blockIdx.x * kThreads * kItems;
    Load(temp.load).Load(in + offset, items, n - offset, 0.0f);
    __syncthreads();
    float sum = Reduce(temp.reduce).Sum(items);
    if (threadIdx.x == 0) out[blockIdx.x] = sum;
}

// An exclusive prefix sum per block, and each warp's largest element (32 threads per logical warp).
__global__ void scan_and_warp_max(const int *in, int *prefix, int *warp_max) {
    typedef hipcub::BlockScan<int, kThreads> Scan;
    typedef hipcub::WarpReduce<int, 32> WarpMax;  // CHECK-HIP: hipcub::WarpReduce<int, 32>
    __shared__ typename Scan::TempStorage scan_temp;
    __shared__ typename WarpMax::TempStorage warp_temp[kThreads / 32];
    int i = blockIdx.x * kThreads + threadIdx.x;
    int value = in[i];
    int before;
    Scan(scan_temp).ExclusiveSum(value, before);
    prefix[i] = before;
    int warp = threadIdx.x / 32;
    int top = WarpMax(warp_temp[warp]).Reduce(value, hipcub::Max());
    if (threadIdx.x % 32 == 0) warp_max[blockIdx.x * (kThreads / 32) + warp] = top;
}

int main() {
    const int n = 1 << 16;
    float *d_in, *d_sums, *d_total;
    int *d_keys, *d_sorted, *d_prefix, *d_count;
    CHECK(hipMalloc(&d_in, n * sizeof(float)));
    CHECK(hipMalloc(&d_sums, n * sizeof(float)));
    CHECK(hipMalloc(&d_total, sizeof(float)));
    CHECK(hipMalloc(&d_keys, n * sizeof(int)));
    CHECK(hipMalloc(&d_sorted, n * sizeof(int)));
    CHECK(hipMalloc(&d_prefix, n * sizeof(int)));
    CHECK(hipMalloc(&d_count, sizeof(int)));

    int blocks = (n + kThreads * kItems - 1) / (kThreads * kItems);
    block_sums<<<blocks, kThreads>>>(d_in, d_sums, n);
    scan_and_warp_max<<<n / kThreads, kThreads>>>(d_keys, d_prefix, d_sorted);

    // the caching allocator hands out the temporary storage of each device-wide call
    hipcub::CachingDeviceAllocator allocator;  // CHECK-HIP: hipcub::CachingDeviceAllocator allocator;
    void *d_temp = nullptr;
    size_t temp_bytes = 0;
    CHECK(hipcub::DeviceReduce::Sum(d_temp, temp_bytes, d_sums, d_total, blocks));  // CHECK-HIP: hipcub::DeviceReduce::Sum(d_temp, temp_bytes, d_sums, d_total, blocks)
    CHECK(allocator.DeviceAllocate(&d_temp, temp_bytes));
    CHECK(hipcub::DeviceReduce::Sum(d_temp, temp_bytes, d_sums, d_total, blocks));
    CHECK(allocator.DeviceFree(d_temp));

    // sort the keys
    temp_bytes = 0;
    d_temp = nullptr;
    CHECK(hipcub::DeviceRadixSort::SortKeys(d_temp, temp_bytes, d_keys, d_sorted, n));
    CHECK(hipMalloc(&d_temp, temp_bytes));
    CHECK(hipcub::DeviceRadixSort::SortKeys(d_temp, temp_bytes, d_keys, d_sorted, n));
    CHECK(hipFree(d_temp));

    // a counting iterator feeds the scan: 0, 1, 2... summed
    hipcub::CountingInputIterator<int> counting(0);
    temp_bytes = 0;
    d_temp = nullptr;
    CHECK(hipcub::DeviceScan::InclusiveSum(d_temp, temp_bytes, counting, d_prefix, n));
    CHECK(hipMalloc(&d_temp, temp_bytes));
    CHECK(hipcub::DeviceScan::InclusiveSum(d_temp, temp_bytes, counting, d_prefix, n));
    CHECK(hipFree(d_temp));

    using namespace hipcub;  // CHECK-HIP: using namespace hipcub;
    KeyValuePair<int, float> *d_argmax;
    CHECK(hipMalloc(&d_argmax, sizeof(*d_argmax)));
    temp_bytes = 0;
    d_temp = nullptr;
    CHECK(DeviceReduce::ArgMax(d_temp, temp_bytes, d_in, d_argmax, n));
    CHECK(hipMalloc(&d_temp, temp_bytes));
    CHECK(DeviceReduce::ArgMax(d_temp, temp_bytes, d_in, d_argmax, n));
    CHECK(hipFree(d_temp));

    float total = 0.0f;
    CHECK(hipMemcpy(&total, d_total, sizeof(float), hipMemcpyDeviceToHost));
    printf("sum %f\n", total);
    hipFree(d_in); hipFree(d_sums); hipFree(d_total); hipFree(d_keys);
    hipFree(d_sorted); hipFree(d_prefix); hipFree(d_count); hipFree(d_argmax);
    return 0;
}
