// What an NVIDIA GPU computes where the emulation has to choose (benchmarks/README.md, docs/tensor_cores.md):
//   * one mma_sync per random 16x16 tile for fp16, bf16 and tf32 (raw floats, and floats already tf32),
//     written as <type>.bin for benchmarks/tensor_core_models.py: header {tiles, K, element size}, then A
//     (row-major 16 x K per tile), B (column-major), C and D (row-major 16 x 16 floats);
//   * __float_to_tf32 and a tf32 mma_sync operand, one special value at a time (printed);
//   * shuffles that read lanes that do not exist (a block of 48 threads; printed).
// Build and run: nvcc -O2 -std=c++17 -arch=native tensor_core_probe.cu -o probe && ./probe OUT_FOLDER
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cstdint>
#include <cuda_fp16.h>
#include <cuda_bf16.h>
#include <mma.h>
using namespace nvcuda;

// one warp per tile: D = A x B + C, A row-major 16xK, B col-major Kx16, C/D row-major 16x16 float
template <typename In, typename Prec, int K>
__global__ void tile_mma(const In* a, const In* b, const float* c, float* d)
{
    int t = blockIdx.x;
    wmma::fragment<wmma::matrix_a, 16, 16, K, Prec, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, 16, 16, K, Prec, wmma::col_major> fb;
    wmma::fragment<wmma::accumulator, 16, 16, K, float> acc;
    wmma::load_matrix_sync(fa, a + t * 16 * K, K);
    wmma::load_matrix_sync(fb, b + t * 16 * K, K);
    wmma::load_matrix_sync(acc, c + t * 256, 16, wmma::mem_row_major);
    wmma::mma_sync(acc, fa, fb, acc);
    wmma::store_matrix_sync(d + t * 256, acc, 16, wmma::mem_row_major);
}

__global__ void to_tf32(const float* in, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = wmma::__float_to_tf32(in[i]);
}

__global__ void missing_lanes(int* out)
{
    int lane = threadIdx.x % 32;
    int v = 1000 + threadIdx.x;
    int* o = out + threadIdx.x * 6;
    o[0] = __shfl_sync(0xffffffffu, v, 20);
    o[1] = __shfl_xor_sync(0xffffffffu, v, 16);
    o[2] = __shfl_down_sync(0xffffffffu, v, 8);
    o[3] = __shfl_sync(0xffffffffu, v, 31 - lane);
    o[4] = (int)__ballot_sync(0xffffffffu, 1);
    o[5] = __shfl_sync(0x0000ffffu, v, 20);
}

static uint64_t rng = 88172645463325252ull;
static uint32_t next() { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (uint32_t)(rng >> 11); }
static double uni() { return (next() & 0xffffff) / 16777216.0 * 2 - 1; }
static float wide(int lo, int hi) { return (float)(uni() * ldexp(1.0, lo + (int)(next() % (hi - lo + 1)))); }

template <typename In, typename Prec, int K, typename Conv>
static void run(const char* name, int tiles, Conv conv, const char* outdir)
{
    size_t na = (size_t)tiles * 16 * K, nc = (size_t)tiles * 256;
    In *ha = (In*)malloc(na * sizeof(In)), *hb = (In*)malloc(na * sizeof(In));
    float *hc = (float*)malloc(nc * 4), *hd = (float*)malloc(nc * 4);
    for (int t = 0; t < tiles; ++t) {
        int kind = t % 4;
        for (int i = 0; i < 16 * K; ++i) {
            float x = kind == 0 ? (float)uni() : kind == 1 ? wide(-12, 8) : kind == 2 ? (float)uni() : wide(-20, 4);
            float y = kind == 0 ? (float)uni() : kind == 1 ? wide(-12, 8) : kind == 2 ? (float)uni() : wide(-20, 4);
            ha[t * 16 * K + i] = conv(x);
            hb[t * 16 * K + i] = conv(y);
        }
        for (int i = 0; i < 256; ++i) {
            float cv = kind == 2 ? 0.0f : (float)uni() * (kind == 3 ? 64.0f : 1.0f);
            hc[t * 256 + i] = cv;
        }
        if (kind == 2) {   // cancellation: C = -(the double dot product), rounded to float
            for (int r = 0; r < 16; ++r)
                for (int col = 0; col < 16; ++col) {
                    double s = 0;
                    for (int k = 0; k < K; ++k) s += (double)(float)ha[t * 16 * K + r * K + k] * (double)(float)hb[t * 16 * K + col * K + k];
                    hc[t * 256 + r * 16 + col] = (float)(-s * (1 + 1e-7 * uni()));
                }
        }
    }
    In *da, *db; float *dc, *dd;
    cudaMalloc(&da, na * sizeof(In)); cudaMalloc(&db, na * sizeof(In)); cudaMalloc(&dc, nc * 4); cudaMalloc(&dd, nc * 4);
    cudaMemcpy(da, ha, na * sizeof(In), cudaMemcpyHostToDevice);
    cudaMemcpy(db, hb, na * sizeof(In), cudaMemcpyHostToDevice);
    cudaMemcpy(dc, hc, nc * 4, cudaMemcpyHostToDevice);
    tile_mma<In, Prec, K><<<tiles, 32>>>(da, db, dc, dd);
    cudaError_t e = cudaDeviceSynchronize();
    cudaMemcpy(hd, dd, nc * 4, cudaMemcpyDeviceToHost);
    char path[512]; snprintf(path, sizeof path, "%s/%s.bin", outdir, name);
    FILE* f = fopen(path, "wb");
    int header[3] = {tiles, K, (int)sizeof(In)};
    fwrite(header, 4, 3, f); fwrite(ha, sizeof(In), na, f); fwrite(hb, sizeof(In), na, f); fwrite(hc, 4, nc, f); fwrite(hd, 4, nc, f);
    fclose(f);
    printf("%s: %d tiles, status %s\n", name, tiles, cudaGetErrorString(e));
}

int main(int argc, char** argv)
{
    const char* out = argc > 1 ? argv[1] : ".";
    run<half, half, 16>("fp16", 256, [](float x) { return __float2half(x); }, out);
    run<__nv_bfloat16, __nv_bfloat16, 16>("bf16", 256, [](float x) { return __float2bfloat16(x); }, out);
    run<float, wmma::precision::tf32, 8>("tf32raw", 256, [](float x) { return x; }, out);
    run<float, wmma::precision::tf32, 8>("tf32", 256, [](float x) { uint32_t u; memcpy(&u, &x, 4); u &= 0xffffe000u; memcpy(&x, &u, 4); return x; }, out);

    const uint32_t specials[] = {0x7f800001u, 0x7f801000u, 0x7f802000u, 0x7fc00001u, 0x7fc01000u, 0x7fffffffu, 0xff800001u,
        0xffc00001u, 0x7f800000u, 0xff800000u, 0x7f7fffffu, 0x7f7ff000u, 0x7f7fefffu, 0x3f801000u, 0x3f803000u, 0x3f800fffu,
        0xbf801000u, 0x00001000u, 0x00000fffu, 0x00001fffu, 0x00000001u, 0x80001000u, 0x007ff000u, 0x00000000u, 0x80000000u};
    int ns = sizeof specials / 4;
    float hin[64], hout[64];
    memcpy(hin, specials, sizeof specials);
    float *din, *dout;
    cudaMalloc(&din, 256); cudaMalloc(&dout, 256);
    cudaMemcpy(din, hin, 256, cudaMemcpyHostToDevice);
    to_tf32<<<1, 64>>>(din, dout, ns);
    cudaMemcpy(hout, dout, 256, cudaMemcpyDeviceToHost);
    // the same values as raw tf32 mma inputs: A[0][0] = x, B[0][0] = 1, everything else 0, C = 0
    float ta[128], tb[128], tc[256], td[256];
    float *da, *db, *dc, *dd;
    cudaMalloc(&da, 512); cudaMalloc(&db, 512); cudaMalloc(&dc, 1024); cudaMalloc(&dd, 1024);
    for (int s = 0; s < ns; ++s) {
        memset(ta, 0, sizeof ta); memset(tb, 0, sizeof tb); memset(tc, 0, sizeof tc);
        ta[0] = hin[s]; tb[0] = 1.0f;
        cudaMemcpy(da, ta, 512, cudaMemcpyHostToDevice); cudaMemcpy(db, tb, 512, cudaMemcpyHostToDevice);
        cudaMemcpy(dc, tc, 1024, cudaMemcpyHostToDevice);
        tile_mma<float, wmma::precision::tf32, 8><<<1, 32>>>(da, db, dc, dd);
        cudaMemcpy(td, dd, 1024, cudaMemcpyDeviceToHost);
        uint32_t o, m; memcpy(&o, &hout[s], 4); memcpy(&m, &td[0], 4);
        printf("tf32 special %08x: __float_to_tf32 %08x, mma(x*1+0) %08x\n", specials[s], o, m);
    }
    int* dl; int hl[48 * 6];
    cudaMalloc(&dl, sizeof hl);
    missing_lanes<<<1, 48>>>(dl);
    cudaMemcpy(hl, dl, sizeof hl, cudaMemcpyDeviceToHost);
    for (int t = 32; t < 48; ++t)
        printf("missing lanes t%d: shfl(20) %d xor16 %d down8 %d shfl(31-l) %d ballot %08x shfl16mask(20) %d\n", t,
               hl[t * 6], hl[t * 6 + 1], hl[t * 6 + 2], hl[t * 6 + 3], hl[t * 6 + 4], hl[t * 6 + 5]);
    return 0;
}
