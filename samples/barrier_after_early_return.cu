// Threads that return early, before the block's __syncthreads(): CUDA drops a thread that has returned
// from every later barrier, and __syncthreads_count counts only the threads that arrive. The grid's last
// block is partly past the end of the data (HeCBench matern and many other programs start with
// `if (i >= n) return;`), one kernel leaves through a 2-D guard on threadIdx.y, and one returns from a
// branch with statements of its own. A uniform value computed after the return bounds a loop with
// barriers, so the threads that left must still agree on it.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cudaGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define THREADS 64
#define N 200                      // 4 blocks; the last one has 8 threads with data
#define ROWS 6                     // threadIdx.y < ROWS have work; the block is 16 x 8

// out[i] = in[i] plus its left neighbour in the block, `rounds` times, then the number of positive
// inputs among the block's threads that stayed.
__global__ void smooth_live_threads(const int *in, int *out, int *stayed, int n)
{
    __shared__ int tile[THREADS];
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    const int rounds = (n / THREADS) % 3 + 1;             // the same in every thread: 3 % 3 + 1 = 1
    tile[threadIdx.x] = in[i];
    __syncthreads();
    for (int r = 0; r <= rounds; ++r) {
        const int left = threadIdx.x > 0 ? tile[threadIdx.x - 1] : 0;
        __syncthreads();
        tile[threadIdx.x] += left;
        __syncthreads();
    }
    const int positive = __syncthreads_count(in[i] > 0);
    const int all_small = __syncthreads_and(in[i] < 50);
    out[i] = tile[threadIdx.x] * 10 + all_small;
    if (threadIdx.x == 0) {
        stayed[blockIdx.x] = positive;
    }
}

// A 2-D block where the rows past ROWS and the columns past the data leave before sharing.
__global__ void column_sums(const int *in, int *out, int n)
{
    __shared__ int cells[ROWS][16];
    const int x = blockIdx.x * blockDim.x + threadIdx.x;
    if (x >= n) return;
    const int y = threadIdx.y;
    if (y >= ROWS) return;
    cells[y][threadIdx.x] = in[x] * (y + 1);
    __syncthreads();
    if (y == 0) {
        int sum = 0;
        for (int r = 0; r < ROWS; ++r) sum += cells[r][threadIdx.x];
        out[x] = sum;
    }
}

// A branch that writes its own result and then returns.
__global__ void reverse_or_mark(const int *in, int *out, int n)
{
    __shared__ int tile[THREADS];
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n || in[i] < -40) {
        if (i < n) out[i] = -1;
        return;
    }
    tile[threadIdx.x] = in[i];
    __syncthreads();
    const int mirror = blockDim.x - 1 - threadIdx.x;
    const int j = blockIdx.x * blockDim.x + mirror;
    out[i] = j < n && in[j] >= -40 ? tile[mirror] : 1000;
}

int main()
{
    int in[N], out[N], sums[N], marks[N], stayed[4];
    for (int i = 0; i < N; ++i) in[i] = (i * 37) % 101 - 50;
    int *d_in, *d_out, *d_stayed;
    CHECK(cudaMalloc(&d_in, sizeof in));
    CHECK(cudaMalloc(&d_out, sizeof out));
    CHECK(cudaMalloc(&d_stayed, sizeof stayed));
    CHECK(cudaMemcpy(d_in, in, sizeof in, cudaMemcpyHostToDevice));
    const int blocks = (N + THREADS - 1) / THREADS;

    smooth_live_threads<<<blocks, THREADS>>>(d_in, d_out, d_stayed, N);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(out, d_out, sizeof out, cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(stayed, d_stayed, sizeof stayed, cudaMemcpyDeviceToHost));

    column_sums<<<(N + 15) / 16, dim3(16, 8)>>>(d_in, d_out, N);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(sums, d_out, sizeof sums, cudaMemcpyDeviceToHost));

    reverse_or_mark<<<blocks, THREADS>>>(d_in, d_out, N);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(marks, d_out, sizeof marks, cudaMemcpyDeviceToHost));

    int bad = 0;
    long checksum = 0;
    for (int b = 0; b < blocks; ++b) {
        const int first = b * THREADS, count = N - first < THREADS ? N - first : THREADS;
        int tile[THREADS] = {0}, positive = 0, all_small = 1;
        for (int t = 0; t < count; ++t) {
            tile[t] = in[first + t];
            positive += in[first + t] > 0;
            all_small &= in[first + t] < 50;
        }
        for (int r = 0; r <= (N / THREADS) % 3 + 1; ++r) {
            for (int t = count - 1; t > 0; --t) tile[t] += tile[t - 1];
        }
        for (int t = 0; t < count; ++t) {
            bad += out[first + t] != tile[t] * 10 + all_small;
            checksum += out[first + t] * (t % 7 + 1);
        }
        bad += stayed[b] != positive;
        printf("block %d: %d threads stayed, %d positive, out[first] = %d\n", b, count, stayed[b], out[first]);
        for (int t = 0; t < count; ++t) {
            const int m = THREADS - 1 - t, j = first + m;
            const int want = in[first + t] < -40 ? -1 : (m < count && in[j] >= -40 ? in[j] : 1000);
            bad += marks[first + t] != want;
            checksum += marks[first + t];
        }
    }
    for (int x = 0; x < N; ++x) {
        bad += sums[x] != in[x] * ROWS * (ROWS + 1) / 2;
        checksum += sums[x];
    }
    printf("checksum = %ld\nmismatches = %d\n%s\n", checksum, bad, bad ? "FAIL" : "PASS");
    CHECK(cudaFree(d_in));
    CHECK(cudaFree(d_out));
    CHECK(cudaFree(d_stayed));
    return bad ? 1 : 0;
}
