// CUB for the CPU emulation: the block- and warp-wide reductions (cub::BlockReduce, cub::WarpReduce), the operators
// they take, and the block-wide prefix sums of integers (cub::BlockScan). The rest of CUB is not here, so a program that uses it does not build as a reference (and says which name is missing).
//
// BlockReduce computes what CUB's default algorithm (BLOCK_REDUCE_WARP_REDUCTIONS) computes, step for step, so
// floating-point results agree with CUDA's bit for bit:
//   1. in each warp of the block (32 consecutive row-major thread ids, from the template's block dimensions),
//      steps with offsets 1, 2, 4, 8, 16: a lane whose lane + offset is still a valid lane of its warp combines
//      op(own, value of lane + offset);
//   2. lane 0 of each warp stores the warp's result; after a barrier, thread 0 folds them in warp order:
//      op(op(warp0, warp1), warp2)...
// The valid lanes are the block's first `num_valid` threads (all of them without num_valid). Thread 0 returns
// the block's result; every other thread returns the partial value CUB's algorithm leaves in it. The steps go
// through a per-block array between barriers rather than shuffles, so every thread of the block must call it,
// as CUB requires.
//
// Refused at compile time: the RAKING algorithms (another order of operations) and blocks of fewer than 32
// threads that are not a power of two (CUB reduces those with another warp algorithm).
//
// WarpReduce computes what CUB's shuffle algorithm (WarpReduceShfl) computes, step for step: within each logical
// warp of W lanes (a power of two; the threads whose linear ids share id / W), offsets 1, 2, 4 ... W/2, a lane
// whose lane + offset is still a valid lane combines op(own, value of lane + offset), through __shfl_down_sync.
// Lane 0 of each logical warp returns the result; the others return the partial value of those steps. W defaults
// to the emulated warp's width, which is hipCUB's default too (64 lanes when HIP code runs at wavefront 64).
// Refused at compile time: a logical warp that is not a power of two (CUB's WarpReduceSmem).
//
// BlockScan's ExclusiveSum and InclusiveSum add integers, whose sums do not depend on the order of the additions:
// thread 0 adds the block's values in row-major thread order between two barriers. Floating-point scans are refused
// at compile time (their digits depend on the order of CUB's algorithm).
#pragma once

#include <type_traits>

#include "../cuda_runtime.h"

namespace cub {

struct Sum {
    template <class T>
    __host__ __device__ T operator()(const T &a, const T &b) const { return a + b; }
};
struct Max {
    template <class T>
    __host__ __device__ T operator()(const T &a, const T &b) const { return a < b ? b : a; }
};
struct Min {
    template <class T>
    __host__ __device__ T operator()(const T &a, const T &b) const { return b < a ? b : a; }
};

namespace detail {
// CUB's thread id from a block collective's template dimensions (a dimension of 1 adds nothing)
template <int X, int Y, int Z>
__device__ int row_major_id()
{
    return static_cast<int>(threadIdx.x) + (Y == 1 ? 0 : static_cast<int>(threadIdx.y) * X) +
           (Z == 1 ? 0 : static_cast<int>(threadIdx.z) * X * Y);
}
}  // namespace detail

enum BlockScanAlgorithm { BLOCK_SCAN_RAKING, BLOCK_SCAN_RAKING_MEMOIZE, BLOCK_SCAN_WARP_SCANS };
enum BlockReduceAlgorithm { BLOCK_REDUCE_RAKING_COMMUTATIVE_ONLY, BLOCK_REDUCE_RAKING, BLOCK_REDUCE_WARP_REDUCTIONS };

template <typename T, int BLOCK_DIM_X, BlockReduceAlgorithm ALGORITHM = BLOCK_REDUCE_WARP_REDUCTIONS,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class BlockReduce {
    static constexpr int BLOCK_THREADS = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;
    static constexpr int WARP_THREADS = 32;
    static constexpr int WARPS = (BLOCK_THREADS + WARP_THREADS - 1) / WARP_THREADS;
    static_assert(ALGORITHM == BLOCK_REDUCE_WARP_REDUCTIONS,
                  "cuemu: only cub::BLOCK_REDUCE_WARP_REDUCTIONS (the default) is emulated");
    static_assert(BLOCK_THREADS >= WARP_THREADS || (BLOCK_THREADS & (BLOCK_THREADS - 1)) == 0,
                  "cuemu: a cub::BlockReduce of fewer than 32 threads must have a power of two of them");

  public:
    struct TempStorage {
        T lanes[BLOCK_THREADS];
        T warp_aggregates[WARPS];
    };

    __device__ explicit BlockReduce(TempStorage &storage) : storage_(storage) {}

    template <class ReductionOp>
    __device__ T Reduce(T input, ReductionOp op, int num_valid = BLOCK_THREADS)
    {
        const int tid = detail::row_major_id<BLOCK_DIM_X, BLOCK_DIM_Y, BLOCK_DIM_Z>();
        const int lane = tid % WARP_THREADS, warp = tid / WARP_THREADS;
        const int rest = num_valid - warp * WARP_THREADS;
        const int warp_valid = rest < WARP_THREADS ? rest : WARP_THREADS;     // this warp's valid lanes (may be <= 0)
        T value = input;
        for (int offset = 1; offset < WARP_THREADS; offset *= 2) {
            storage_.lanes[tid] = value;
            __syncthreads();
            if (lane + offset < warp_valid) {
                value = op(value, storage_.lanes[tid + offset]);
            }
            __syncthreads();
        }
        if (lane == 0) {
            storage_.warp_aggregates[warp] = value;
        }
        __syncthreads();
        if (tid == 0) {
            for (int w = 1; w < WARPS && w * WARP_THREADS < num_valid; ++w) {
                value = op(value, storage_.warp_aggregates[w]);
            }
        }
        return value;
    }

    __device__ T Sum(T input, int num_valid = BLOCK_THREADS) { return Reduce(input, cub::Sum(), num_valid); }

  private:
    TempStorage &storage_;
};

template <typename T, int BLOCK_DIM_X, BlockScanAlgorithm ALGORITHM = BLOCK_SCAN_RAKING, int BLOCK_DIM_Y = 1,
          int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class BlockScan {
    static constexpr int BLOCK_THREADS = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;
    static_assert(std::is_integral<T>::value, "cuemu: cub::BlockScan is emulated for integers only");

  public:
    struct TempStorage {
        T items[BLOCK_THREADS + 1];
    };

    __device__ explicit BlockScan(TempStorage &storage) : storage_(storage) {}

    __device__ void ExclusiveSum(T input, T &output) { T total; Scan(input, output, total, false); }
    __device__ void ExclusiveSum(T input, T &output, T &aggregate) { Scan(input, output, aggregate, false); }
    __device__ void InclusiveSum(T input, T &output) { T total; Scan(input, output, total, true); }
    __device__ void InclusiveSum(T input, T &output, T &aggregate) { Scan(input, output, aggregate, true); }

  private:
    __device__ void Scan(T input, T &output, T &aggregate, bool inclusive)
    {
        const int tid = detail::row_major_id<BLOCK_DIM_X, BLOCK_DIM_Y, BLOCK_DIM_Z>();
        storage_.items[tid] = input;
        __syncthreads();
        if (tid == 0) {
            T run = 0;
            for (int i = 0; i < BLOCK_THREADS; ++i) {
                T item = storage_.items[i];
                storage_.items[i] = inclusive ? static_cast<T>(run + item) : run;
                run = static_cast<T>(run + item);
            }
            storage_.items[BLOCK_THREADS] = run;
        }
        __syncthreads();
        output = storage_.items[tid];
        aggregate = storage_.items[BLOCK_THREADS];
    }

    TempStorage &storage_;
};

template <typename T, int LOGICAL_WARP_THREADS = CUEMU_WARP_SIZE, int LEGACY_PTX_ARCH = 0>
class WarpReduce {
    static_assert(LOGICAL_WARP_THREADS > 0 && LOGICAL_WARP_THREADS <= CUEMU_WARP_SIZE &&
                      (LOGICAL_WARP_THREADS & (LOGICAL_WARP_THREADS - 1)) == 0,
                  "cuemu: only logical warps of a power of two lanes (CUB's WarpReduceShfl) are emulated");

  public:
    struct TempStorage {};

    __device__ explicit WarpReduce(TempStorage &) {}

    template <class ReductionOp>
    __device__ T Reduce(T input, ReductionOp op, int valid = LOGICAL_WARP_THREADS)
    {
        const unsigned linear = threadIdx.x + threadIdx.y * blockDim.x + threadIdx.z * blockDim.x * blockDim.y;
        const int lane = static_cast<int>(linear % LOGICAL_WARP_THREADS);
        const cuemu::lanemask mask =
            LOGICAL_WARP_THREADS == CUEMU_WARP_SIZE
                ? cuemu::all_lanes
                : ((cuemu::lanemask(1) << LOGICAL_WARP_THREADS % CUEMU_WARP_SIZE) - 1)
                      << (linear % CUEMU_WARP_SIZE / LOGICAL_WARP_THREADS * LOGICAL_WARP_THREADS);
        T value = input;
        for (int offset = 1; offset < LOGICAL_WARP_THREADS; offset *= 2) {
            T other = __shfl_down_sync(mask, value, static_cast<unsigned>(offset), LOGICAL_WARP_THREADS);
            if (lane + offset < valid) {
                value = op(value, other);
            }
        }
        return value;
    }

    __device__ T Sum(T input, int valid = LOGICAL_WARP_THREADS) { return Reduce(input, cub::Sum(), valid); }
};

}  // namespace cub
