// Threads that return early, before the block's __syncthreads(): CUDA drops a thread that has returned
// from every later barrier, and __syncthreads_count counts only the threads that arrive. The grid's last
// block is partly past the end of the data (HeCBench matern and many other programs start with
// `if (i >= n) return;`), one kernel leaves through a 2-D guard on threadIdx.y, and one returns from a
// branch with statements of its own. A uniform value computed after the return bounds a loop with
// barriers, so the threads that left must still agree on it.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "barrier_after_early_return.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define THREADS 64
#define N 200                      // 4 blocks; the last one has 8 threads with data
#define ROWS 6                     // threadIdx.y < ROWS have work; the block is 16 x 8

// out[i] = in[i] plus its left neighbour in the block, `rounds` times, then the number of positive
// inputs among the block's threads that stayed.
/* cutrans: kernel 'smooth_live_threads' moved to barrier_after_early_return.cl */





















// A 2-D block where the rows past ROWS and the columns past the data leave before sharing.
/* cutrans: kernel 'column_sums' moved to barrier_after_early_return.cl */















// A branch that writes its own result and then returns.
/* cutrans: kernel 'reverse_or_mark' moved to barrier_after_early_return.cl */














int main()
{
    int in[N], out[N], sums[N], marks[N], stayed[4];
    for (int i = 0; i < N; ++i) in[i] = (i * 37) % 101 - 50;
    int *d_in, *d_out, *d_stayed;
    CHECK(oclrtMalloc(&d_in, sizeof in));
    CHECK(oclrtMalloc(&d_out, sizeof out));
    CHECK(oclrtMalloc(&d_stayed, sizeof stayed));
    CHECK(oclrtMemcpy(d_in, in, sizeof in, oclrtMemcpyHostToDevice));
    const int blocks = (N + THREADS - 1) / THREADS;

    cutrans_launch_smooth_live_threads(blocks, THREADS, 0, 0, d_in, d_out, d_stayed, N);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpy(out, d_out, sizeof out, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(stayed, d_stayed, sizeof stayed, oclrtMemcpyDeviceToHost));

    cutrans_launch_column_sums((N + 15) / 16, dim3(16, 8), 0, 0, d_in, d_out, N);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpy(sums, d_out, sizeof sums, oclrtMemcpyDeviceToHost));

    cutrans_launch_reverse_or_mark(blocks, THREADS, 0, 0, d_in, d_out, N);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpy(marks, d_out, sizeof marks, oclrtMemcpyDeviceToHost));

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
    CHECK(oclrtFree(d_in));
    CHECK(oclrtFree(d_out));
    CHECK(oclrtFree(d_stayed));
    return bad ? 1 : 0;
}
