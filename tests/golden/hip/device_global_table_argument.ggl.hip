#include <hip/hip_runtime.h>
// File-scope device tables passed to device functions as pointers (HeCBench adamw's q_mapping(_exp_qmap, ...)):
// a `static __device__ const` array, a `__constant__` array and a writable `__device__` array, each passed where
// the function takes a `const float *` or a `float *`. The function is lowered once per kind of memory its
// pointer gets (OpenCL spells each one). Two `const` masks show a device constant initialized from another one
// (`high = low << 4`), which clang evaluates.
#include <cstdio>

static __device__ const unsigned char low_mask = 15;
static __device__ const unsigned char high_mask = low_mask << 4;

static __device__ const float levels[16] = {-0.8875f, -0.6625f, -0.4375f, -0.2125f, -0.0775f, -0.0325f,
                                            -0.0055f, 0.0f,     0.0055f,  0.0325f,  0.0775f,  0.2125f,
                                            0.4375f,  0.6625f,  0.8875f,  1.0f};
__constant__ float weights[4] = {0.5f, 0.25f, 0.125f, 0.125f};
__device__ float history[4];

// the index of the level nearest to x, by binary search of a sorted table
__device__ int nearest(const float *__restrict__ table, int count, float x)
{
    int low = 0, high = count - 1;
    if (x <= table[low]) {
        return low;
    }
    if (table[high] <= x) {
        return high;
    }
    while (low + 1 < high) {
        int mid = (low + high) / 2;
        if (table[mid] <= x) {
            low = mid;
        } else {
            high = mid;
        }
    }
    return x - table[low] < table[high] - x ? low : high;
}

__device__ float weighted(const float *w, const float *v)
{
    return w[0] * v[0] + w[1] * v[1] + w[2] * v[2] + w[3] * v[3];
}

__device__ void remember(float *slots, int i, float value)
{
    slots[i] = value;
}

// two 4-bit codes per byte, as adamw packs its optimizer state
__global__ void pack_codes(const float *x, unsigned char *codes, float *smooth, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    int left = nearest(levels, 16, x[2 * i]), right = nearest(levels, 16, x[2 * i + 1]);
    codes[i] = (unsigned char)((left & low_mask) | ((right << 4) & high_mask));
    float v[4] = {x[2 * i], x[2 * i + 1], levels[left], levels[right]};
    smooth[i] = weighted(weights, v);
    if (i < 4) {
        remember(history, i, smooth[i]);
    }
    __syncthreads();
    if (i == 0) {
        smooth[n] = weighted(weights, history);
    }
}

int main()
{
    const int n = 200;
    static float x[2 * n], smooth[n + 1];
    static unsigned char codes[n];
    const float table[16] = {-0.8875f, -0.6625f, -0.4375f, -0.2125f, -0.0775f, -0.0325f, -0.0055f, 0.0f,
                             0.0055f,  0.0325f,  0.0775f,  0.2125f,  0.4375f,  0.6625f,  0.8875f,  1.0f};
    for (int i = 0; i < 2 * n; ++i) {
        x[i] = (float)((i * 71) % 223) / 111.0f - 1.0f;
    }
    float *d_x, *d_smooth;
    unsigned char *d_codes;
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_smooth, sizeof(smooth));
    hipMalloc(&d_codes, sizeof(codes));
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(pack_codes, dim3(1), dim3(256), 0, 0, d_x, d_codes, d_smooth, n);
    hipMemcpy(codes, d_codes, sizeof(codes), hipMemcpyDeviceToHost);
    hipMemcpy(smooth, d_smooth, sizeof(smooth), hipMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        int code[2];
        for (int s = 0; s < 2; ++s) {
            float v = x[2 * i + s];
            int best = 0;
            for (int k = 1; k < 16; ++k) {
                best = (v - table[k] < 0 ? table[k] - v : v - table[k]) <
                       (v - table[best] < 0 ? table[best] - v : v - table[best]) ? k : best;
            }
            code[s] = best;
        }
        bad += codes[i] != (unsigned char)(code[0] | code[1] << 4);
        if (i % 25 == 0) {
            printf("%d: code %d, smoothed %.9g\n", i, codes[i], smooth[i]);
        }
    }
    printf("history: %.9g\n", smooth[n]);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
