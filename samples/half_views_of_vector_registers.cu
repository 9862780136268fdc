// Halves read and written through a pointer to the bytes of a wider value: a float4 or uint4 loaded
// from global memory in one 16-byte access, then taken apart as eight __half or four __half2
// (HeCBench relu, vadd, fma, attentionMergeState), and an `extern __shared__ char` buffer used as
// __half. On OpenCL without cl_khr_fp16 a __half variable is held in a float, but these halves live in
// the bytes of another object, so they are read and written there with vload_half/vstore_half.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cuda_runtime.h>
#include <cuda_fp16.h>

// mask = (feature > 0), out = mask * gradient, eight halves at a time through a float4 (relu)
__global__ void relu_grad_by_eight(const __half *gradient, const __half *feature, __half *out, int count)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= count / 8) {
        return;
    }
    float4 g8 = reinterpret_cast<const float4 *>(gradient)[i];
    float4 f8 = reinterpret_cast<const float4 *>(feature)[i];
    __half2 *g2 = reinterpret_cast<__half2 *>(&g8);
    __half2 *f2 = reinterpret_cast<__half2 *>(&f8);
    float4 out8;
    __half2 *out2 = reinterpret_cast<__half2 *>(&out8);
    const __half2 zero = __float2half2_rn(0.f);
    for (int k = 0; k < 4; k++) {
        __half2 mask = __hgt2(f2[k], zero);
        out2[k] = __hmul2(mask, g2[k]);
    }
    reinterpret_cast<float4 *>(out)[i] = out8;
}

// c = a + b, pair by pair through the members of a float4 (vadd)
__global__ void add_by_members(const __half *a, const __half *b, __half *c, int n)
{
    int i = 8 * (blockIdx.x * blockDim.x + threadIdx.x);
    if (i + 8 > n) {
        return;
    }
    float4 a8 = *reinterpret_cast<const float4 *>(a + i);
    float4 b8 = *reinterpret_cast<const float4 *>(b + i);
    float4 c8;
    *reinterpret_cast<__half2 *>(&c8.x) = __hadd2(*reinterpret_cast<__half2 *>(&a8.x), *reinterpret_cast<__half2 *>(&b8.x));
    *reinterpret_cast<__half2 *>(&c8.y) = __hsub2(*reinterpret_cast<__half2 *>(&a8.y), *reinterpret_cast<__half2 *>(&b8.y));
    *reinterpret_cast<__half2 *>(&c8.z) = __hmul2(*reinterpret_cast<__half2 *>(&a8.z), *reinterpret_cast<__half2 *>(&b8.z));
    __half *low = reinterpret_cast<__half *>(&c8.w);
    low[0] = reinterpret_cast<__half *>(&a8.w)[1];
    low[1] = __hneg(reinterpret_cast<__half *>(&b8.w)[0]);
    *reinterpret_cast<float4 *>(c + i) = c8;
}

// c[row] += a[row] * b elementwise, b staged in dynamic shared memory declared as bytes (fma); rows whose
// start is not 16-byte aligned take the scalar path, which computes the same fused multiply-adds
__global__ void fma_rows_through_shared(const __half *a, const __half *b, __half *c, int columns, int rows)
{
    extern __shared__ char shared_raw[];
    __half *shared_b = reinterpret_cast<__half *>(shared_raw);
    for (int k = threadIdx.x; k < columns / 8; k += blockDim.x) {
        uint4 v = *reinterpret_cast<const uint4 *>(&b[8 * k]);
        *reinterpret_cast<uint4 *>(&shared_b[8 * k]) = v;
    }
    for (int k = 8 * (columns / 8) + threadIdx.x; k < columns; k += blockDim.x) {
        shared_b[k] = b[k];
    }
    __syncthreads();
    int row = blockIdx.x * blockDim.x + threadIdx.x;
    if (row >= rows) {
        return;
    }
    for (int k = 0; k + 8 <= columns; k += 8) {
        const __half *a_ptr = &a[row * columns + k];
        __half *c_ptr = &c[row * columns + k];
        const __half *b_ptr = shared_b + k;
        if (reinterpret_cast<uintptr_t>(a_ptr) % 16 != 0 || reinterpret_cast<uintptr_t>(c_ptr) % 16 != 0) {
            for (int j = 0; j < 8; ++j) {
                c_ptr[j] = __hfma(a_ptr[j], b_ptr[j], c_ptr[j]);
            }
            continue;
        }
        uint4 a_vec = *reinterpret_cast<const uint4 *>(a_ptr);
        uint4 b_vec = *reinterpret_cast<const uint4 *>(b_ptr);
        uint4 c_vec = *reinterpret_cast<const uint4 *>(c_ptr);
        __half *a_halves = reinterpret_cast<__half *>(&a_vec);
        __half *b_halves = reinterpret_cast<__half *>(&b_vec);
        __half *c_halves = reinterpret_cast<__half *>(&c_vec);
        for (int j = 0; j < 8; ++j) {
            c_halves[j] += a_halves[j] * b_halves[j];
        }
        *reinterpret_cast<uint4 *>(c_ptr) = c_vec;
    }
    for (int k = 8 * (columns / 8); k < columns; ++k) {
        c[row * columns + k] = __hfma(a[row * columns + k], shared_b[k], c[row * columns + k]);
    }
}

__device__ float to_float(__half h)
{
    return __half2float(h);
}

__device__ void from_float(__half &d, float s)
{
    d = __float2half(s);
}

// out = p * p_scale + s * s_scale through a uint4 of eight halves, converted by device functions that take
// a reference (attentionMergeState); from_float is also called on a __half variable
__global__ void merge_by_eight(const uint4 *p, const uint4 *s, uint4 *out, __half *first, float p_scale,
                               float s_scale, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    uint4 p_pack = p[i], s_pack = s[i], out_pack;
    for (int k = 0; k < 8; ++k) {
        float pf = to_float(reinterpret_cast<const __half *>(&p_pack)[k]);
        float sf = to_float(reinterpret_cast<const __half *>(&s_pack)[k]);
        from_float(reinterpret_cast<__half *>(&out_pack)[k], pf * p_scale + sf * s_scale);
    }
    out[i] = out_pack;
    __half h;
    from_float(h, to_float(reinterpret_cast<const __half *>(&out_pack)[0]) * 0.5f);
    first[i] = h;
}

static unsigned short half_bits(float x)
{
    __half h = __float2half(x);
    unsigned short bits;
    memcpy(&bits, &h, sizeof bits);
    return bits;
}

static unsigned short double_bits(double x)
{
    __half h = __double2half(x);
    unsigned short bits;
    memcpy(&bits, &h, sizeof bits);
    return bits;
}

static float value(unsigned short bits)
{
    __half h;
    memcpy(&h, &bits, sizeof h);
    return __half2float(h);
}

// the number of elements of `got` that differ from `want`, each printed
static int differences(const char *what, const unsigned short *got, const unsigned short *want, int n)
{
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        if (got[i] != want[i]) {
            printf("FAIL %s[%d]: %04x, expected %04x\n", what, i, got[i], want[i]);
            ++failures;
        }
    }
    return failures;
}

static unsigned checksum(const unsigned short *bits, int n)
{
    unsigned sum = 0;
    for (int i = 0; i < n; ++i) {
        sum = sum * 31u + bits[i];
    }
    return sum;
}

int main()
{
    const int n = 1024, rows = 16, columns = 61;
    unsigned short x[n], y[n], z[n], out[n], want[n];
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        x[i] = half_bits(0.125f * ((i * 37) % 29) - 1.75f);
        y[i] = half_bits(0.0625f * ((i * 11) % 41) - 1.25f);
        z[i] = half_bits(0.25f * (i % 7) - 0.5f);
    }
    __half *dx, *dy, *dz, *dout, *dfirst;
    cudaMalloc((void **)&dx, sizeof x);
    cudaMalloc((void **)&dy, sizeof y);
    cudaMalloc((void **)&dz, sizeof z);
    cudaMalloc((void **)&dout, sizeof out);
    cudaMalloc((void **)&dfirst, sizeof out);
    cudaMemcpy(dx, x, sizeof x, cudaMemcpyHostToDevice);
    cudaMemcpy(dy, y, sizeof y, cudaMemcpyHostToDevice);
    cudaMemcpy(dz, z, sizeof z, cudaMemcpyHostToDevice);

    relu_grad_by_eight<<<n / 8 / 32, 32>>>(dx, dy, dout, n);
    cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
    printf("relu_grad_by_eight: %08x, out[3] %04x out[9] %04x\n", checksum(out, n), out[3], out[9]);
    for (int i = 0; i < n; ++i) {
        want[i] = half_bits((value(y[i]) > 0.0f ? 1.0f : 0.0f) * value(x[i]));
    }
    failures += differences("relu_grad_by_eight", out, want, n);

    add_by_members<<<n / 8 / 32, 32>>>(dx, dy, dout, n);
    cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
    printf("add_by_members: %08x, out[0..7] %04x %04x %04x %04x %04x %04x %04x %04x\n", checksum(out, n), out[0],
           out[1], out[2], out[3], out[4], out[5], out[6], out[7]);
    for (int i = 0; i < n; i += 8) {
        for (int k = 0; k < 6; ++k) {
            double a = value(x[i + k]), b = value(y[i + k]);
            want[i + k] = double_bits(k < 2 ? a + b : k < 4 ? a - b : a * b);
        }
        want[i + 6] = x[i + 7];
        want[i + 7] = y[i + 6] ^ 0x8000u;
    }
    failures += differences("add_by_members", out, want, n);

    cudaMemcpy(dout, z, sizeof z, cudaMemcpyHostToDevice);
    fma_rows_through_shared<<<2, 8, columns * sizeof(__half)>>>(dx, dy, dout, columns, rows);
    cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
    printf("fma_rows_through_shared: %08x, out[60] %04x out[61] %04x\n", checksum(out, rows * columns), out[60],
           out[61]);
    for (int i = 0; i < rows * columns; ++i) {     // exact in double, so rounded once, as a fused multiply-add
        want[i] = double_bits((double)value(x[i]) * value(y[i % columns]) + value(z[i]));
    }
    failures += differences("fma_rows_through_shared", out, want, rows * columns);

    merge_by_eight<<<4, 32>>>(reinterpret_cast<uint4 *>(dx), reinterpret_cast<uint4 *>(dy),
                          reinterpret_cast<uint4 *>(dout), dfirst, 0.75f, -1.5f, n / 8);
    cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
    printf("merge_by_eight: %08x, out[5] %04x", checksum(out, n), out[5]);
    for (int i = 0; i < n; ++i) {
        want[i] = half_bits(fmaf(value(x[i]), 0.75f, value(y[i]) * -1.5f));
    }
    failures += differences("merge_by_eight", out, want, n);
    cudaMemcpy(out, dfirst, sizeof out, cudaMemcpyDeviceToHost);
    printf(", first %08x\n", checksum(out, n / 8));
    for (int i = 0; i < n / 8; ++i) {
        want[i] = half_bits(value(half_bits(fmaf(value(x[8 * i]), 0.75f, value(y[8 * i]) * -1.5f))) * 0.5f);
    }
    failures += differences("merge_by_eight first", out, want, n / 8);

    cudaFree(dx);
    cudaFree(dy);
    cudaFree(dz);
    cudaFree(dout);
    cudaFree(dfirst);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
