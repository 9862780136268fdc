// Every CUDA atomic on int, unsigned int and unsigned long long, in global and shared memory, with
// results that do not depend on the order the threads run in: the final values of commutative
// operations, the count of successful compare-and-swaps, and the wrap-around of atomicInc/atomicDec.
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

#define BLOCKS 4
#define THREADS 64
#define NI 8
#define NU 8
#define NW 6

__global__ void int_atomics(int *ri, unsigned int *ru, unsigned long long *rw)
{
    __shared__ int s_sum;
    __shared__ unsigned int s_inc;
    int t = (int)(blockIdx.x * blockDim.x + threadIdx.x);
    if (threadIdx.x == 0) {
        s_sum = 0;
        s_inc = 0u;
    }
    __syncthreads();
    atomicAdd(&ri[0], t - 100);
    atomicSub(&ri[1], 3 * t);
    atomicMin(&ri[2], 1000 - t * 7);
    atomicMax(&ri[3], t * 5 - 900);
    atomicAnd(&ri[4], ~(1 << (t % 31)));
    atomicOr(&ri[5], 1 << (t % 29));
    atomicXor(&ri[6], t * 2654435 + 17);
    if (atomicCAS(&ri[7], 0, t + 1) == 0) {     // exactly one thread wins
        atomicAdd(&ri[7], 1000);
    }
    atomicAdd(&s_sum, t);
    atomicInc(&s_inc, 9u);                       // wraps to 0 after 9: 64 increments leave 64 % 10
    __syncthreads();
    if (threadIdx.x == 0) {
        atomicAdd(&ri[0], s_sum);
        atomicAdd(&ru[7], s_inc);
    }

    unsigned int u = (unsigned int)t;
    atomicAdd(&ru[0], u * 3u + 0x10000000u);    // wraps around 2^32
    atomicSub(&ru[1], u);
    atomicMin(&ru[2], 0xfffffff0u - u * 1001u);
    atomicMax(&ru[3], u * 77777u);
    atomicExch(&ru[4], 42u);                     // every thread writes the same value
    atomicInc(&ru[5], 100u);                     // 256 increments with wrap at 100: 256 % 101
    atomicDec(&ru[6], 50u);                      // 256 decrements from 7, reloading 50 at 0

    unsigned long long w = (unsigned long long)t;
    atomicAdd(&rw[0], w * 0x100000001ull);       // crosses the 32-bit boundary
    atomicMin(&rw[1], 0xffffffff00000000ull + w);
    atomicMax(&rw[2], w << 40);
    atomicAnd(&rw[3], ~(1ull << (t % 63)));
    atomicOr(&rw[4], 1ull << (t % 61));
    atomicXor(&rw[5], w * 0x9e3779b97f4a7c15ull);
}

/* Floating-point atomics. The values added are small integers and halves, so
 * every partial sum is exact and the totals do not depend on the order of the additions. */
__global__ void wide_atomics(double *d, float *f)
{
    int t = (int)(blockIdx.x * blockDim.x + threadIdx.x);
    atomicAdd(&d[0], 0.5 * t - 3.0);
    atomicAdd(&f[0], (float)(t % 7) - 2.5f);
    atomicExch(&f[1], 1.25f);
}

/* A spin-free compare-and-swap loop with a known outcome: every thread adds its id through CAS. */
__global__ void cas_loop_sum(unsigned long long *total, int *exchanged)
{
    unsigned long long add = blockIdx.x * blockDim.x + threadIdx.x + 1;
    unsigned long long old = *total, assumed;
    do {
        assumed = old;
        old = atomicCAS(total, assumed, assumed + add);
    } while (old != assumed);
    int prev = atomicExch(&exchanged[threadIdx.x], (int)threadIdx.x);
    if (prev != -1 && prev != (int)threadIdx.x) {
        atomicAdd(&exchanged[THREADS], 1);       // counts impossible values; stays 0
    }
}

int main()
{
    const int n = BLOCKS * THREADS;
    int hi[NI] = {0, 0, 0x7fffffff, -0x7fffffff, -1, 0, 0x5a5a5a5a, 0};
    unsigned int hu[NU] = {0u, 0xffffffffu, 0xffffffffu, 0u, 0u, 0u, 7u, 0u};
    unsigned long long hw[NW] = {0ull, ~0ull, 0ull, ~0ull, 0ull, 0x0123456789abcdefull};
    int *d_i, *d_x;
    unsigned int *d_u;
    unsigned long long *d_w, *d_t;
    CHECK(cudaMalloc((void **)&d_i, sizeof(hi)));
    CHECK(cudaMalloc((void **)&d_u, sizeof(hu)));
    CHECK(cudaMalloc((void **)&d_w, sizeof(hw)));
    CHECK(cudaMalloc((void **)&d_t, sizeof(unsigned long long)));
    CHECK(cudaMalloc((void **)&d_x, (THREADS + 1) * sizeof(int)));
    CHECK(cudaMemcpy(d_i, hi, sizeof(hi), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_u, hu, sizeof(hu), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_w, hw, sizeof(hw), cudaMemcpyHostToDevice));
    CHECK(cudaMemset(d_t, 0, sizeof(unsigned long long)));
    CHECK(cudaMemset(d_x, 0xff, THREADS * sizeof(int)));
    CHECK(cudaMemset(d_x + THREADS, 0, sizeof(int)));

    int_atomics<<<BLOCKS, THREADS>>>(d_i, d_u, d_w);
    cas_loop_sum<<<BLOCKS, THREADS>>>(d_t, d_x);
    double hd = 1.0;
    float hf[2] = {0.0f, 0.0f};
    double *d_d;
    float *d_f;
    CHECK(cudaMalloc((void **)&d_d, sizeof(hd)));
    CHECK(cudaMalloc((void **)&d_f, sizeof(hf)));
    CHECK(cudaMemcpy(d_d, &hd, sizeof(hd), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_f, hf, sizeof(hf), cudaMemcpyHostToDevice));
    wide_atomics<<<BLOCKS, THREADS>>>(d_d, d_f);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());

    int gi[NI];
    unsigned int gu[NU];
    unsigned long long gw[NW], gt;
    int gx[THREADS + 1];
    CHECK(cudaMemcpy(gi, d_i, sizeof(gi), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(gu, d_u, sizeof(gu), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(gw, d_w, sizeof(gw), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(&gt, d_t, sizeof(gt), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(gx, d_x, sizeof(gx), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(&hd, d_d, sizeof(hd), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(hf, d_f, sizeof(hf), cudaMemcpyDeviceToHost));

    /* the expected values, computed on the host in the same order-free way */
    int ei[NI] = {0, 0, 0x7fffffff, -0x7fffffff, -1, 0, 0x5a5a5a5a, 0};
    unsigned int eu[NU] = {0u, 0xffffffffu, 0xffffffffu, 0u, 42u, 0u, 7u, 0u};
    unsigned long long ew[NW] = {0ull, ~0ull, 0ull, ~0ull, 0ull, 0x0123456789abcdefull};
    int winners = 0;
    double ed = 1.0;
    float ef = 0.0f;
    for (int t = 0; t < n; ++t) {
        ei[0] += t - 100 + t;
        ei[1] -= 3 * t;
        ei[2] = ei[2] < 1000 - t * 7 ? ei[2] : 1000 - t * 7;
        ei[3] = ei[3] > t * 5 - 900 ? ei[3] : t * 5 - 900;
        ei[4] &= ~(1 << (t % 31));
        ei[5] |= 1 << (t % 29);
        ei[6] ^= t * 2654435 + 17;
        unsigned int u = (unsigned int)t;
        eu[0] += u * 3u + 0x10000000u;
        eu[1] -= u;
        eu[2] = eu[2] < 0xfffffff0u - u * 1001u ? eu[2] : 0xfffffff0u - u * 1001u;
        eu[3] = eu[3] > u * 77777u ? eu[3] : u * 77777u;
        eu[5] = eu[5] >= 100u ? 0u : eu[5] + 1u;
        eu[6] = (eu[6] == 0u || eu[6] > 50u) ? 50u : eu[6] - 1u;
        unsigned long long w = (unsigned long long)t;
        ew[0] += w * 0x100000001ull;
        ew[1] = ew[1] < 0xffffffff00000000ull + w ? ew[1] : 0xffffffff00000000ull + w;
        ew[2] = ew[2] > (w << 40) ? ew[2] : (w << 40);
        ew[3] &= ~(1ull << (t % 63));
        ew[4] |= 1ull << (t % 61);
        ew[5] ^= w * 0x9e3779b97f4a7c15ull;
        ed += 0.5 * t - 3.0;
        ef += (float)(t % 7) - 2.5f;
    }
    eu[7] = BLOCKS * (THREADS % 10);
    int bad = 0;
    for (int k = 0; k < NI; ++k) {
        if (k == 7) {
            winners = gi[7] > 1000 && gi[7] <= 1000 + n;
            printf("int[7] cas winner = %d\n", winners);
            bad += !winners;
            continue;
        }
        printf("int[%d] = %d%s\n", k, gi[k], gi[k] == ei[k] ? "" : "  <-- wrong");
        bad += gi[k] != ei[k];
    }
    for (int k = 0; k < NU; ++k) {
        printf("uint[%d] = %u%s\n", k, gu[k], gu[k] == eu[k] ? "" : "  <-- wrong");
        bad += gu[k] != eu[k];
    }
    for (int k = 0; k < NW; ++k) {
        printf("u64[%d] = %llu%s\n", k, gw[k], gw[k] == ew[k] ? "" : "  <-- wrong");
        bad += gw[k] != ew[k];
    }
    unsigned long long et = (unsigned long long)n * (n + 1) / 2;
    printf("cas loop total = %llu%s\n", gt, gt == et ? "" : "  <-- wrong");
    bad += gt != et;
    printf("double sum = %.3f%s\n", hd, hd == ed ? "" : "  <-- wrong");
    printf("float sum = %.3f, exchanged = %.3f%s\n", hf[0], hf[1], hf[0] == ef && hf[1] == 1.25f ? "" : "  <-- wrong");
    bad += hd != ed || hf[0] != ef || hf[1] != 1.25f;
    printf("impossible exchanges = %d\n", gx[THREADS]);
    bad += gx[THREADS] != 0;
    for (int k = 0; k < THREADS; ++k) {
        bad += gx[k] != k;
    }
    printf("wrong results = %d\n", bad);
    CHECK(cudaFree(d_i));
    CHECK(cudaFree(d_u));
    CHECK(cudaFree(d_w));
    CHECK(cudaFree(d_t));
    CHECK(cudaFree(d_x));
    CHECK(cudaFree(d_d));
    CHECK(cudaFree(d_f));
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
