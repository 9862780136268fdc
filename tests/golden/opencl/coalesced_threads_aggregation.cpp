#include "oclrt.h"
#include "coalesced_threads_aggregation.launch.h"
// Stream compaction with warp-aggregated atomics through a coalesced group (HeCBench filter's pattern):
// the threads that keep an element form cg::coalesced_threads(), its rank-0 thread reserves room for the
// whole group with one atomicAdd, and each thread writes at the group's base + its rank. Which threads
// form the group is the hardware's choice; cutrans translates it as the calling thread alone (warning
// L012), a grouping CUDA allows, so the set of kept elements and their count are the same everywhere.
// The output is sorted before it is printed, as the order of the atomics is not defined.
namespace cooperative_groups {}  /* cutrans: <cooperative_groups.h> is device-only */
#include <cstdio>
#include <cstdlib>

namespace cg = cooperative_groups;

/* cutrans: device function 'reserve' moved to coalesced_threads_aggregation.cl */






/* cutrans: kernel 'keep_positive' moved to coalesced_threads_aggregation.cl */




static int compare(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main() {
    const int n = 5000;
    int *in = (int *)malloc(n * sizeof(int)), *out = (int *)malloc(n * sizeof(int));
    int expected = 0;
    long long expected_sum = 0;
    for (int i = 0; i < n; ++i) {
        in[i] = (i * 37 % 101) - 40;
        if (in[i] > 0) {
            ++expected;
            expected_sum += in[i];
        }
    }
    int *d_in, *d_out, *d_counter, count = 0;
    oclrtMalloc((void **)&d_in, n * sizeof(int));
    oclrtMalloc((void **)&d_out, n * sizeof(int));
    oclrtMalloc((void **)&d_counter, sizeof(int));
    oclrtMemcpy(d_in, in, n * sizeof(int), oclrtMemcpyHostToDevice);
    oclrtMemset(d_counter, 0, sizeof(int));
    cutrans_launch_keep_positive((n + 127) / 128, 128, 0, 0, d_out, d_counter, d_in, n);
    oclrtMemcpy(&count, d_counter, sizeof(int), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(out, d_out, n * sizeof(int), oclrtMemcpyDeviceToHost);
    long long sum = 0;
    if (count >= 0 && count <= n) {
        qsort(out, count, sizeof(int), compare);
        for (int i = 0; i < count; ++i) sum += out[i];
    }
    printf("kept %d of %d, sum %lld, smallest %d, largest %d\n", count, n, sum, count ? out[0] : 0,
           count ? out[count - 1] : 0);
    int ok = count == expected && sum == expected_sum;
    oclrtFree(d_in);
    oclrtFree(d_out);
    oclrtFree(d_counter);
    free(in);
    free(out);
    printf("%s\n", ok ? "PASS" : "FAIL");
    return !ok;
}
