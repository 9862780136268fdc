// Each thread reads its neighbour's value from shared memory, in a loop of rounds: correct only
// when the barriers between the writes and the reads are real. -DNO_BARRIER removes them.
#include <cstdio>
#include <cuda_runtime.h>

#define N 128
#define ROUNDS 5

#ifdef NO_BARRIER
#define BARRIER()
#else
#define BARRIER() __syncthreads()
#endif

__global__ void rotate(int *out)
{
    __shared__ int s[N];
    int v = threadIdx.x + 1000 * blockIdx.x;
    for (int r = 0; r < ROUNDS; ++r) {
        s[threadIdx.x] = v;
        BARRIER();
        v = s[(threadIdx.x + 1) % N];
        BARRIER();
    }
    out[blockIdx.x * N + threadIdx.x] = v;
}

__global__ void votes(int *out)
{
    int t = threadIdx.x;
    int count = __syncthreads_count(t % 3 == 0);
    int all = __syncthreads_and(t < 1000);
    int any = __syncthreads_or(t == 77);
    int none = __syncthreads_or(0);
    if (t == 0) {
        out[0] = count;
        out[1] = all;
        out[2] = any;
        out[3] = none;
    }
}

int main()
{
    int *d_out;
    int h_out[3 * N];
    cudaMalloc((void **)&d_out, sizeof(h_out));
    rotate<<<3, N>>>(d_out);
    cudaMemcpy(h_out, d_out, sizeof(h_out), cudaMemcpyDeviceToHost);
    int errors = 0;
    for (int b = 0; b < 3; ++b) {
        for (int t = 0; t < N; ++t) {
            errors += h_out[b * N + t] != (t + ROUNDS) % N + 1000 * b;
        }
    }
    votes<<<1, 200>>>(d_out);
    cudaMemcpy(h_out, d_out, 4 * sizeof(int), cudaMemcpyDeviceToHost);
    printf("count=%d and=%d or=%d none=%d\n", h_out[0], h_out[1], h_out[2], h_out[3]);
    errors += h_out[0] != 67 || h_out[1] != 1 || h_out[2] != 1 || h_out[3] != 0;
    printf("errors = %d\n%s\n", errors, errors ? "FAIL" : "PASS");
    cudaFree(d_out);
    return errors != 0;
}
