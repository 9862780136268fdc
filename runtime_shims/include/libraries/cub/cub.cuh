/* Stand-in for CUB's <cub/cub.cuh> (parsing only): the names of translator/mappings/cub.toml, declared so that
 * libclang parses programs that use CUB without a CUDA toolkit. Nothing here is compiled into a program and
 * nothing here is CUB's code: the translation keeps the names (in namespace hipcub for HIP), and hipcc checks
 * each use against the real hipCUB. Algorithms and collective methods are declared variadic; enumerator
 * values and macro values are not CUB's. The other cub/... stand-ins include this file. */
#ifndef CUTRANS_STANDIN_CUB_CUH
#define CUTRANS_STANDIN_CUB_CUH
#include <stddef.h>
#include <cuda_runtime.h>

#define CUB_VERSION 300000
#define CUB_PTX_ARCH 0
#define CUB_PTX_WARP_THREADS 32
#define CUB_RUNTIME_FUNCTION __host__
#define CUB_STDERR
#define CUB_NAMESPACE_BEGIN namespace cub {
#define CUB_NAMESPACE_END }
#define CUB_MAX(a, b) ((a) < (b) ? (b) : (a))
#define CUB_MIN(a, b) ((b) < (a) ? (b) : (a))
#define CUB_QUOTIENT_CEILING(a, b) (((a) + (b) - 1) / (b))
#define CubDebug(e) ::cub::Debug((cudaError_t)(e), __FILE__, __LINE__)
#define CubDebugExit(e) ((void)::cub::Debug((cudaError_t)(e), __FILE__, __LINE__))

/* A device-wide algorithm: a static member template taking anything (temporary storage, sizes, iterators,
 * stream), returning cudaError_t. A collective's method: a device member template taking anything, with a body,
 * so that a call with a lambda (a type without linkage) parses. */
#define CUTRANS_CUB_RUN(name) template <typename... A> static __host__ cudaError_t name(A &&...);
#define CUTRANS_CUB_DO(result, name) \
    template <typename... A> __device__ result name(A &&...) { __builtin_unreachable(); }
#define CUTRANS_CUB_COLLECTIVE(name) \
    struct TempStorage {};           \
    __device__ name();               \
    __device__ name(TempStorage &);

namespace cub {

__host__ __device__ cudaError_t Debug(cudaError_t error, const char *file, int line);

enum BlockHistogramAlgorithm { BLOCK_HISTO_SORT, BLOCK_HISTO_ATOMIC };
enum BlockLoadAlgorithm { BLOCK_LOAD_DIRECT, BLOCK_LOAD_STRIPED, BLOCK_LOAD_VECTORIZE, BLOCK_LOAD_TRANSPOSE,
                          BLOCK_LOAD_WARP_TRANSPOSE, BLOCK_LOAD_WARP_TRANSPOSE_TIMESLICED };
enum BlockReduceAlgorithm { BLOCK_REDUCE_RAKING_COMMUTATIVE_ONLY, BLOCK_REDUCE_RAKING, BLOCK_REDUCE_WARP_REDUCTIONS };
enum BlockScanAlgorithm { BLOCK_SCAN_RAKING, BLOCK_SCAN_RAKING_MEMOIZE, BLOCK_SCAN_WARP_SCANS };
enum BlockStoreAlgorithm { BLOCK_STORE_DIRECT, BLOCK_STORE_STRIPED, BLOCK_STORE_VECTORIZE, BLOCK_STORE_TRANSPOSE,
                           BLOCK_STORE_WARP_TRANSPOSE, BLOCK_STORE_WARP_TRANSPOSE_TIMESLICED };
enum CacheLoadModifier { LOAD_DEFAULT, LOAD_CA, LOAD_CG, LOAD_CS, LOAD_CV, LOAD_LDG, LOAD_VOLATILE };
enum CacheStoreModifier { STORE_DEFAULT, STORE_WB, STORE_CG, STORE_CS, STORE_WT, STORE_VOLATILE };
enum RadixRankAlgorithm { RADIX_RANK_BASIC, RADIX_RANK_MEMOIZE, RADIX_RANK_MATCH };
enum WarpLoadAlgorithm { WARP_LOAD_DIRECT, WARP_LOAD_STRIPED, WARP_LOAD_VECTORIZE, WARP_LOAD_TRANSPOSE };
enum WarpStoreAlgorithm { WARP_STORE_DIRECT, WARP_STORE_STRIPED, WARP_STORE_VECTORIZE, WARP_STORE_TRANSPOSE };

/* ---- utility types and operators */
struct NullType {};
template <typename K, typename V> struct KeyValuePair {
    K key;
    V value;
    __host__ __device__ KeyValuePair();
    __host__ __device__ KeyValuePair(const K &key, const V &value);
};
template <typename T> struct DoubleBuffer {
    T *d_buffers[2];
    int selector;
    __host__ __device__ DoubleBuffer();
    __host__ __device__ DoubleBuffer(T *current, T *alternate);
    __host__ __device__ T *Current();
    __host__ __device__ T *Alternate();
};
template <typename T> struct NumericTraits {
    __host__ __device__ static T Max();
    __host__ __device__ static T Lowest();
};
template <typename T> struct Traits : NumericTraits<T> {};
struct Sum { template <typename T> __host__ __device__ T operator()(const T &a, const T &b) const; };
struct Max { template <typename T> __host__ __device__ T operator()(const T &a, const T &b) const; };
struct Min { template <typename T> __host__ __device__ T operator()(const T &a, const T &b) const; };
struct Equality { template <typename T> __host__ __device__ bool operator()(const T &a, const T &b) const; };
struct Inequality { template <typename T> __host__ __device__ bool operator()(const T &a, const T &b) const; };
struct ArgMax {
    template <typename T, typename O>
    __host__ __device__ KeyValuePair<O, T> operator()(const KeyValuePair<O, T> &a, const KeyValuePair<O, T> &b) const;
};
struct ArgMin {
    template <typename T, typename O>
    __host__ __device__ KeyValuePair<O, T> operator()(const KeyValuePair<O, T> &a, const KeyValuePair<O, T> &b) const;
};
template <typename B> struct CastOp { template <typename A> __host__ __device__ B operator()(const A &a) const; };

struct CachingDeviceAllocator {
    template <typename... A> explicit CachingDeviceAllocator(A &&...);
    template <typename... A> cudaError_t DeviceAllocate(A &&...);
    template <typename... A> cudaError_t DeviceFree(A &&...);
    cudaError_t FreeAllCached();
};

/* ---- iterators */
template <typename V, typename OffsetT = ptrdiff_t> class ConstantInputIterator {
  public: __host__ __device__ ConstantInputIterator(const V &value, OffsetT offset = 0);
};
template <typename V, typename OffsetT = ptrdiff_t> class CountingInputIterator {
  public: __host__ __device__ CountingInputIterator(const V &first);
};
template <typename V, typename Op, typename In, typename OffsetT = ptrdiff_t> class TransformInputIterator {
  public: __host__ __device__ TransformInputIterator(In input, Op op);
};
template <typename In, typename OffsetT = ptrdiff_t, typename Out = int> class ArgIndexInputIterator {
  public: __host__ __device__ ArgIndexInputIterator(In input);
};
template <CacheLoadModifier M, typename V, typename OffsetT = ptrdiff_t> class CacheModifiedInputIterator {
  public: template <typename P> __host__ __device__ CacheModifiedInputIterator(P *ptr);
};
template <CacheStoreModifier M, typename V, typename OffsetT = ptrdiff_t> class CacheModifiedOutputIterator {
  public: template <typename P> __host__ __device__ CacheModifiedOutputIterator(P *ptr);
};
template <typename OffsetT = ptrdiff_t> class DiscardOutputIterator {
  public: __host__ __device__ DiscardOutputIterator(OffsetT offset = 0);
};
template <typename T, typename OffsetT = ptrdiff_t> class TexObjInputIterator {
  public:
    template <typename... A> cudaError_t BindTexture(A &&...);
    cudaError_t UnbindTexture();
};

/* ---- device-wide algorithms */
struct DeviceAdjacentDifference {
    CUTRANS_CUB_RUN(SubtractLeft) CUTRANS_CUB_RUN(SubtractLeftCopy)
    CUTRANS_CUB_RUN(SubtractRight) CUTRANS_CUB_RUN(SubtractRightCopy)
};
struct DeviceCopy { CUTRANS_CUB_RUN(Batched) };
struct DeviceFor { CUTRANS_CUB_RUN(Bulk) CUTRANS_CUB_RUN(ForEach) CUTRANS_CUB_RUN(ForEachN) };
struct DeviceHistogram {
    CUTRANS_CUB_RUN(HistogramEven) CUTRANS_CUB_RUN(HistogramRange)
    CUTRANS_CUB_RUN(MultiHistogramEven) CUTRANS_CUB_RUN(MultiHistogramRange)
};
struct DeviceMemcpy { CUTRANS_CUB_RUN(Batched) };
struct DeviceMerge { CUTRANS_CUB_RUN(MergeKeys) CUTRANS_CUB_RUN(MergePairs) };
struct DeviceMergeSort {
    CUTRANS_CUB_RUN(SortKeys) CUTRANS_CUB_RUN(SortPairs) CUTRANS_CUB_RUN(StableSortKeys) CUTRANS_CUB_RUN(StableSortPairs)
};
struct DevicePartition { CUTRANS_CUB_RUN(Flagged) CUTRANS_CUB_RUN(If) };
struct DeviceRadixSort {
    CUTRANS_CUB_RUN(SortKeys) CUTRANS_CUB_RUN(SortKeysDescending)
    CUTRANS_CUB_RUN(SortPairs) CUTRANS_CUB_RUN(SortPairsDescending)
};
struct DeviceReduce {
    CUTRANS_CUB_RUN(ArgMax) CUTRANS_CUB_RUN(ArgMin) CUTRANS_CUB_RUN(Max) CUTRANS_CUB_RUN(Min)
    CUTRANS_CUB_RUN(Reduce) CUTRANS_CUB_RUN(ReduceByKey) CUTRANS_CUB_RUN(Sum) CUTRANS_CUB_RUN(TransformReduce)
};
struct DeviceRunLengthEncode { CUTRANS_CUB_RUN(Encode) CUTRANS_CUB_RUN(NonTrivialRuns) };
struct DeviceScan {
    CUTRANS_CUB_RUN(ExclusiveScan) CUTRANS_CUB_RUN(ExclusiveScanByKey) CUTRANS_CUB_RUN(ExclusiveSum)
    CUTRANS_CUB_RUN(ExclusiveSumByKey) CUTRANS_CUB_RUN(InclusiveScan) CUTRANS_CUB_RUN(InclusiveScanByKey)
    CUTRANS_CUB_RUN(InclusiveSum) CUTRANS_CUB_RUN(InclusiveSumByKey)
};
struct DeviceSegmentedRadixSort {
    CUTRANS_CUB_RUN(SortKeys) CUTRANS_CUB_RUN(SortKeysDescending)
    CUTRANS_CUB_RUN(SortPairs) CUTRANS_CUB_RUN(SortPairsDescending)
};
struct DeviceSegmentedReduce {
    CUTRANS_CUB_RUN(ArgMax) CUTRANS_CUB_RUN(ArgMin) CUTRANS_CUB_RUN(Max) CUTRANS_CUB_RUN(Min)
    CUTRANS_CUB_RUN(Reduce) CUTRANS_CUB_RUN(Sum)
};
struct DeviceSegmentedSort {
    CUTRANS_CUB_RUN(SortKeys) CUTRANS_CUB_RUN(SortKeysDescending) CUTRANS_CUB_RUN(SortPairs)
    CUTRANS_CUB_RUN(SortPairsDescending) CUTRANS_CUB_RUN(StableSortKeys) CUTRANS_CUB_RUN(StableSortPairs)
};
struct DeviceSelect {
    CUTRANS_CUB_RUN(Flagged) CUTRANS_CUB_RUN(If) CUTRANS_CUB_RUN(Unique) CUTRANS_CUB_RUN(UniqueByKey)
};
struct DeviceSpmv { CUTRANS_CUB_RUN(CsrMV) };
struct DeviceTransform { CUTRANS_CUB_RUN(Transform) };

/* ---- block-wide collectives (template parameters as CUB orders them; defaults are CUB's) */
template <typename T, int BLOCK_DIM_X, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockAdjacentDifference {
  public: CUTRANS_CUB_COLLECTIVE(BlockAdjacentDifference)
    CUTRANS_CUB_DO(void, SubtractLeft) CUTRANS_CUB_DO(void, SubtractRight)
};
template <typename T, int BLOCK_DIM_X, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockDiscontinuity {
  public: CUTRANS_CUB_COLLECTIVE(BlockDiscontinuity)
    CUTRANS_CUB_DO(void, FlagHeads) CUTRANS_CUB_DO(void, FlagTails) CUTRANS_CUB_DO(void, FlagHeadsAndTails)
};
template <typename T, int BLOCK_DIM_X, int ITEMS_PER_THREAD, bool WARP_TIME_SLICING = false, int BLOCK_DIM_Y = 1,
          int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockExchange {
  public: CUTRANS_CUB_COLLECTIVE(BlockExchange)
    CUTRANS_CUB_DO(void, BlockedToStriped) CUTRANS_CUB_DO(void, StripedToBlocked)
    CUTRANS_CUB_DO(void, BlockedToWarpStriped) CUTRANS_CUB_DO(void, WarpStripedToBlocked)
    CUTRANS_CUB_DO(void, ScatterToBlocked) CUTRANS_CUB_DO(void, ScatterToStriped)
};
template <typename T, int BLOCK_DIM_X, int ITEMS_PER_THREAD, int BINS,
          BlockHistogramAlgorithm ALGORITHM = BLOCK_HISTO_SORT, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockHistogram {
  public: CUTRANS_CUB_COLLECTIVE(BlockHistogram)
    CUTRANS_CUB_DO(void, Composite) CUTRANS_CUB_DO(void, Histogram) CUTRANS_CUB_DO(void, InitHistogram)
};
template <typename T, int BLOCK_DIM_X, int ITEMS_PER_THREAD, BlockLoadAlgorithm ALGORITHM = BLOCK_LOAD_DIRECT,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockLoad {
  public: CUTRANS_CUB_COLLECTIVE(BlockLoad) CUTRANS_CUB_DO(void, Load)
};
template <typename KeyT, int BLOCK_DIM_X, int ITEMS_PER_THREAD, typename ValueT = NullType, int BLOCK_DIM_Y = 1,
          int BLOCK_DIM_Z = 1>
class BlockMergeSort {
  public: CUTRANS_CUB_COLLECTIVE(BlockMergeSort) CUTRANS_CUB_DO(void, Sort) CUTRANS_CUB_DO(void, StableSort)
};
template <int BLOCK_DIM_X, int RADIX_BITS, bool IS_DESCENDING, bool MEMOIZE_OUTER_SCAN = false,
          BlockScanAlgorithm INNER_SCAN_ALGORITHM = BLOCK_SCAN_WARP_SCANS, int SMEM_CONFIG = 0, int BLOCK_DIM_Y = 1,
          int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockRadixRank {
  public: CUTRANS_CUB_COLLECTIVE(BlockRadixRank) CUTRANS_CUB_DO(void, RankKeys)
};
template <int BLOCK_DIM_X, int RADIX_BITS, bool IS_DESCENDING,
          BlockScanAlgorithm INNER_SCAN_ALGORITHM = BLOCK_SCAN_WARP_SCANS, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1,
          int ARCH = 0>
class BlockRadixRankMatch {
  public: CUTRANS_CUB_COLLECTIVE(BlockRadixRankMatch) CUTRANS_CUB_DO(void, RankKeys)
};
template <typename KeyT, int BLOCK_DIM_X, int ITEMS_PER_THREAD, typename ValueT = NullType, int RADIX_BITS = 4,
          bool MEMOIZE_OUTER_SCAN = true, BlockScanAlgorithm INNER_SCAN_ALGORITHM = BLOCK_SCAN_WARP_SCANS,
          int SMEM_CONFIG = 0, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockRadixSort {
  public: CUTRANS_CUB_COLLECTIVE(BlockRadixSort)
    CUTRANS_CUB_DO(void, Sort) CUTRANS_CUB_DO(void, SortDescending)
    CUTRANS_CUB_DO(void, SortBlockedToStriped) CUTRANS_CUB_DO(void, SortDescendingBlockedToStriped)
};
template <typename T, int BLOCK_THREADS, int ARCH = 0> struct BlockRakingLayout {
    struct TempStorage {};
    __device__ static T *PlacementPtr(TempStorage &storage, unsigned int linear_tid);
    __device__ static T *RakingPtr(TempStorage &storage, unsigned int linear_tid);
};
template <typename T, int BLOCK_DIM_X, BlockReduceAlgorithm ALGORITHM = BLOCK_REDUCE_WARP_REDUCTIONS,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockReduce {
  public: CUTRANS_CUB_COLLECTIVE(BlockReduce) CUTRANS_CUB_DO(T, Reduce) CUTRANS_CUB_DO(T, Sum)
};
template <typename ItemT, int BLOCK_DIM_X, int RUNS_PER_THREAD, int DECODED_ITEMS_PER_THREAD,
          typename DecodedOffsetT = unsigned int, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1>
class BlockRunLengthDecode {
  public:
    struct TempStorage {};
    template <typename... A> __device__ BlockRunLengthDecode(TempStorage &storage, A &&...);
    CUTRANS_CUB_DO(void, RunLengthDecode)
};
template <typename T, int BLOCK_DIM_X, BlockScanAlgorithm ALGORITHM = BLOCK_SCAN_RAKING, int BLOCK_DIM_Y = 1,
          int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockScan {
  public: CUTRANS_CUB_COLLECTIVE(BlockScan)
    CUTRANS_CUB_DO(void, ExclusiveScan) CUTRANS_CUB_DO(void, ExclusiveSum)
    CUTRANS_CUB_DO(void, InclusiveScan) CUTRANS_CUB_DO(void, InclusiveSum)
};
template <typename T, int BLOCK_DIM_X, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockShuffle {
  public: CUTRANS_CUB_COLLECTIVE(BlockShuffle)
    CUTRANS_CUB_DO(void, Down) CUTRANS_CUB_DO(void, Offset) CUTRANS_CUB_DO(void, Rotate) CUTRANS_CUB_DO(void, Up)
};
template <typename T, int BLOCK_DIM_X, int ITEMS_PER_THREAD, BlockStoreAlgorithm ALGORITHM = BLOCK_STORE_DIRECT,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int ARCH = 0>
class BlockStore {
  public: CUTRANS_CUB_COLLECTIVE(BlockStore) CUTRANS_CUB_DO(void, Store)
};

/* ---- warp-wide collectives (CUB's logical warp is 32 threads by default) */
template <typename T, int ITEMS_PER_THREAD, int LOGICAL_WARP_THREADS = 32, int ARCH = 0>
class WarpExchange {
  public: CUTRANS_CUB_COLLECTIVE(WarpExchange)
    CUTRANS_CUB_DO(void, BlockedToStriped) CUTRANS_CUB_DO(void, StripedToBlocked) CUTRANS_CUB_DO(void, ScatterToStriped)
};
template <typename T, int ITEMS_PER_THREAD, WarpLoadAlgorithm ALGORITHM = WARP_LOAD_DIRECT,
          int LOGICAL_WARP_THREADS = 32, int ARCH = 0>
class WarpLoad {
  public: CUTRANS_CUB_COLLECTIVE(WarpLoad) CUTRANS_CUB_DO(void, Load)
};
template <typename KeyT, int ITEMS_PER_THREAD, int LOGICAL_WARP_THREADS = 32, typename ValueT = NullType,
          int ARCH = 0>
class WarpMergeSort {
  public: CUTRANS_CUB_COLLECTIVE(WarpMergeSort) CUTRANS_CUB_DO(void, Sort) CUTRANS_CUB_DO(void, StableSort)
};
template <typename T, int LOGICAL_WARP_THREADS = 32, int ARCH = 0> class WarpReduce {
  public: CUTRANS_CUB_COLLECTIVE(WarpReduce)
    CUTRANS_CUB_DO(T, HeadSegmentedReduce) CUTRANS_CUB_DO(T, HeadSegmentedSum) CUTRANS_CUB_DO(T, Reduce)
    CUTRANS_CUB_DO(T, Sum) CUTRANS_CUB_DO(T, TailSegmentedReduce) CUTRANS_CUB_DO(T, TailSegmentedSum)
};
template <typename T, int LOGICAL_WARP_THREADS = 32, int ARCH = 0> class WarpScan {
  public: CUTRANS_CUB_COLLECTIVE(WarpScan)
    CUTRANS_CUB_DO(T, Broadcast) CUTRANS_CUB_DO(void, ExclusiveScan) CUTRANS_CUB_DO(void, ExclusiveSum)
    CUTRANS_CUB_DO(void, InclusiveScan) CUTRANS_CUB_DO(void, InclusiveSum) CUTRANS_CUB_DO(void, Scan)
};
template <typename T, int ITEMS_PER_THREAD, WarpStoreAlgorithm ALGORITHM = WARP_STORE_DIRECT,
          int LOGICAL_WARP_THREADS = 32, int ARCH = 0>
class WarpStore {
  public: CUTRANS_CUB_COLLECTIVE(WarpStore) CUTRANS_CUB_DO(void, Store)
};

/* ---- grid helpers */
class GridBarrier { public: __device__ void Sync() const; };
class GridBarrierLifetime : public GridBarrier {
  public:
    cudaError_t HostReset();
    cudaError_t Setup(int sweep_grid_size);
};
template <typename OffsetT> struct GridEvenShare {
    template <typename... A> __host__ __device__ void DispatchInit(A &&...);
    template <int TILE_ITEMS> __device__ void BlockInit();
};
template <typename OffsetT> class GridQueue {
  public:
    __host__ __device__ GridQueue();
    __host__ __device__ GridQueue(void *d_storage);
    template <typename... A> __host__ __device__ cudaError_t FillAndResetDrain(A &&...);
    template <typename... A> __device__ OffsetT Drain(A &&...);
};

/* ---- thread- and warp-level functions */
template <typename... A> __device__ void LoadDirectBlocked(A &&...);
template <typename... A> __device__ void LoadDirectBlockedVectorized(A &&...);
template <typename... A> __device__ void LoadDirectStriped(A &&...);
template <typename... A> __device__ void LoadDirectWarpStriped(A &&...);
template <typename... A> __device__ void StoreDirectBlocked(A &&...);
template <typename... A> __device__ void StoreDirectStriped(A &&...);
template <typename... A> __device__ void StoreDirectWarpStriped(A &&...);
template <CacheLoadModifier MODIFIER, typename T> __device__ T ThreadLoad(T *ptr);
template <CacheStoreModifier MODIFIER, typename T> __device__ void ThreadStore(T *ptr, T value);
template <int LENGTH, typename T, typename Op> __device__ T ThreadReduce(T (&input)[LENGTH], Op op);
template <int LOGICAL_WARP_THREADS, typename T> __device__ T ShuffleIndex(T input, int src_lane, unsigned int mask);
template <int LOGICAL_WARP_THREADS, typename T>
__device__ T ShuffleUp(T input, int src_offset, int first_thread, unsigned int mask);
template <int LOGICAL_WARP_THREADS, typename T>
__device__ T ShuffleDown(T input, int src_offset, int last_thread, unsigned int mask);
__device__ unsigned int LaneId();
__device__ unsigned int WarpId();
__device__ void CTA_SYNC();
__device__ void WARP_SYNC(unsigned int member_mask);
__device__ int RowMajorTid(int block_dim_x, int block_dim_y, int block_dim_z);
template <typename N, typename D> __host__ __device__ constexpr N DivideAndRoundUp(N n, D d);

}  // namespace cub

#undef CUTRANS_CUB_RUN
#undef CUTRANS_CUB_DO
#undef CUTRANS_CUB_COLLECTIVE
#endif
