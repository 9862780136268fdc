// Inline PTX tensor-core GEMM: C = A x B with the warp-level mma.sync instructions written as asm, the
// way hand-tuned CUDA kernels (and libraries such as CUTLASS before CuTe) drive the tensor cores.
// Each warp computes one 16 x 8 tile of C. A (M x K) and B (K x N) hold halves; the host packs two halves
// into each 32-bit word, A by rows and B by columns, which is how PTX's .f16x2 registers hold them.
// Two kernels: m16n8k16 with separate C and D registers, and m16n8k8 accumulating in place ("+f").
// cutrans translates both forms (docs/tensor_cores.md); the results are checked against a host GEMM within
// the bound that a tensor core's own summation order allows.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                                    \
    do {                                                                               \
        cudaError_t err_ = (call);                                                     \
        if (err_ != cudaSuccess) {                                                     \
            printf("CUDA error %s at %s:%d\n", cudaGetErrorString(err_), __FILE__, __LINE__); \
            return 1;                                                                  \
        }                                                                              \
    } while (0)

// a_rows: A's rows, two halves a word (K / 2 words a row); b_cols: B's columns, the same way (K / 2 words a
// column). The warp's lane l holds, for the tile at (tile_m, tile_n) and the k step at k0:
//   A registers: rows g and g + 8, columns k0 + 2t (+8);  B registers: column g, rows k0 + 2t (+8);
//   C: rows g and g + 8, columns 2t and 2t + 1 (g = l / 4, t = l % 4).
__global__ void mma_m16n8k16_gemm(const unsigned *a_rows, const unsigned *b_cols, float *c, int m, int n, int k)
{
    const int warp = (blockIdx.x * blockDim.x + threadIdx.x) / 32, lane = threadIdx.x % 32;
    const int tiles_n = n / 8;
    if (warp >= (m / 16) * tiles_n) {
        return;
    }
    const int tile_m = warp / tiles_n * 16, tile_n = warp % tiles_n * 8;
    const int g = lane / 4, t = lane % 4, words = k / 2;
    float acc[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    for (int k0 = 0; k0 < k; k0 += 16) {
        unsigned a[4], b[2];
        a[0] = a_rows[(tile_m + g) * words + k0 / 2 + t];
        a[1] = a_rows[(tile_m + g + 8) * words + k0 / 2 + t];
        a[2] = a_rows[(tile_m + g) * words + k0 / 2 + 4 + t];
        a[3] = a_rows[(tile_m + g + 8) * words + k0 / 2 + 4 + t];
        b[0] = b_cols[(tile_n + g) * words + k0 / 2 + t];
        b[1] = b_cols[(tile_n + g) * words + k0 / 2 + 4 + t];
        float d[4];
        asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 "
                     "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
                     : "=f"(d[0]), "=f"(d[1]), "=f"(d[2]), "=f"(d[3])
                     : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b[0]), "r"(b[1]),
                       "f"(acc[0]), "f"(acc[1]), "f"(acc[2]), "f"(acc[3]));
        for (int i = 0; i < 4; ++i) {
            acc[i] = d[i];
        }
    }
    for (int i = 0; i < 4; ++i) {
        c[(tile_m + g + 8 * (i / 2)) * n + tile_n + 2 * t + i % 2] = acc[i];
    }
}

__global__ void mma_m16n8k8_gemm(const unsigned *a_rows, const unsigned *b_cols, float *c, int m, int n, int k)
{
    const int warp = (blockIdx.x * blockDim.x + threadIdx.x) / 32, lane = threadIdx.x % 32;
    const int tiles_n = n / 8;
    if (warp >= (m / 16) * tiles_n) {
        return;
    }
    const int tile_m = warp / tiles_n * 16, tile_n = warp % tiles_n * 8;
    const int g = lane / 4, t = lane % 4, words = k / 2;
    float c0 = 0.0f, c1 = 0.0f, c2 = 0.0f, c3 = 0.0f;
    for (int k0 = 0; k0 < k; k0 += 8) {
        const unsigned a0 = a_rows[(tile_m + g) * words + k0 / 2 + t];
        const unsigned a1 = a_rows[(tile_m + g + 8) * words + k0 / 2 + t];
        const unsigned b0 = b_cols[(tile_n + g) * words + k0 / 2 + t];
        asm volatile("mma.sync.aligned.m16n8k8.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5}, {%6}, {%0,%1,%2,%3};"
                     : "+f"(c0), "+f"(c1), "+f"(c2), "+f"(c3)
                     : "r"(a0), "r"(a1), "r"(b0));
    }
    const int row = tile_m + g, col = tile_n + 2 * t;
    c[row * n + col] = c0;
    c[row * n + col + 1] = c1;
    c[(row + 8) * n + col] = c2;
    c[(row + 8) * n + col + 1] = c3;
}

// The half bit pattern of v, which must be a multiple of 1/64 below 32 in magnitude (exact in half).
static unsigned short half_bits(float v)
{
    if (v == 0.0f) {
        return 0;
    }
    const unsigned short sign = v < 0 ? 0x8000 : 0;
    float mag = std::fabs(v);
    int exponent = 0;
    const float fraction = std::frexp(mag, &exponent);          // mag = fraction * 2^exponent, fraction in [0.5, 1)
    const unsigned mantissa = (unsigned)std::ldexp(fraction, 11) - 1024u;   // 10 bits after the leading one
    return (unsigned short)(sign | ((exponent - 1 + 15) << 10) | mantissa);
}

int main()
{
    const int m = 64, n = 64, k = 64;
    float *a = (float *)malloc(sizeof(float) * m * k), *b = (float *)malloc(sizeof(float) * k * n);
    unsigned *a_rows = (unsigned *)malloc(sizeof(unsigned) * m * k / 2);
    unsigned *b_cols = (unsigned *)malloc(sizeof(unsigned) * n * k / 2);
    for (int i = 0; i < m * k; ++i) a[i] = (float)((i * 37 + 11) % 97 - 48) / 64.0f;
    for (int i = 0; i < k * n; ++i) b[i] = (float)((i * 53 + 5) % 89 - 44) / 32.0f;
    for (int r = 0; r < m; ++r)
        for (int w = 0; w < k / 2; ++w)
            a_rows[r * (k / 2) + w] = half_bits(a[r * k + 2 * w]) | (unsigned)half_bits(a[r * k + 2 * w + 1]) << 16;
    for (int col = 0; col < n; ++col)
        for (int w = 0; w < k / 2; ++w)
            b_cols[col * (k / 2) + w] = half_bits(b[(2 * w) * n + col]) | (unsigned)half_bits(b[(2 * w + 1) * n + col]) << 16;

    unsigned *d_a, *d_b;
    float *d_c;
    CHECK(cudaMalloc(&d_a, sizeof(unsigned) * m * k / 2));
    CHECK(cudaMalloc(&d_b, sizeof(unsigned) * n * k / 2));
    CHECK(cudaMalloc(&d_c, sizeof(float) * m * n));
    CHECK(cudaMemcpy(d_a, a_rows, sizeof(unsigned) * m * k / 2, cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_b, b_cols, sizeof(unsigned) * n * k / 2, cudaMemcpyHostToDevice));
    float *c = (float *)malloc(sizeof(float) * m * n);
    const int warps = (m / 16) * (n / 8), threads = 128, blocks = (warps * 32 + threads - 1) / threads;
    int failures = 0;
    for (int form = 0; form < 2; ++form) {
        CHECK(cudaMemset(d_c, 0, sizeof(float) * m * n));
        if (form == 0) {
            mma_m16n8k16_gemm<<<blocks, threads>>>(d_a, d_b, d_c, m, n, k);
        } else {
            mma_m16n8k8_gemm<<<blocks, threads>>>(d_a, d_b, d_c, m, n, k);
        }
        CHECK(cudaGetLastError());
        CHECK(cudaMemcpy(c, d_c, sizeof(float) * m * n, cudaMemcpyDeviceToHost));
        double checksum = 0.0, worst = 0.0;
        for (int r = 0; r < m; ++r) {
            for (int col = 0; col < n; ++col) {
                double want = 0.0, magnitude = 0.0;
                for (int kk = 0; kk < k; ++kk) {
                    want += (double)a[r * k + kk] * b[kk * n + col];
                    magnitude += std::fabs((double)a[r * k + kk] * b[kk * n + col]);
                }
                const double error = std::fabs(c[r * n + col] - want), bound = (k + 2) * 6e-8 * magnitude;
                if (error > bound) {
                    ++failures;
                }
                if (magnitude > 0 && error / magnitude > worst) {
                    worst = error / magnitude;
                }
                checksum += c[r * n + col];
            }
        }
        printf("%s: c[0] = %.6f, c[%d] = %.6f, checksum %.4f, worst error / magnitude %.2e\n",
               form == 0 ? "m16n8k16" : "m16n8k8", c[0], m * n - 1, c[m * n - 1], checksum, worst);
    }
    cudaFree(d_a);
    cudaFree(d_b);
    cudaFree(d_c);
    free(a);
    free(b);
    free(a_rows);
    free(b_cols);
    free(c);
    printf("%s\n", failures == 0 ? "PASS" : "FAIL");
    return failures == 0 ? 0 : 1;
}
