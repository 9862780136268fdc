#include <hip/hip_runtime.h>
// Per-thread accumulators that start from constants and are then written member by member (HeCBench md:
// `float4 f = make_float4(0, 0, 0, 0);` then `f.x += delx * forceC;` over each atom's neighbours). The CPU target
// declares a variable that is the same in every thread once per block; a write to one of its members or
// elements makes it differ between threads. Before the fix the CPU translation took `f` for such a variable and
// summed every thread's forces into one: md's check printed a maximum error of 88 against 1e-18.
#include <cmath>
#include <cstdio>

struct Tally {
    float3 sum;
    int count;
};

__global__ void forces(const float4 *pos, const int *neighbours, float4 *force, int n, int k)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    float4 p = pos[i];
    float4 f = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    for (int j = 0; j < k; ++j) {
        float4 q = pos[neighbours[j * n + i]];
        float dx = p.x - q.x, dy = p.y - q.y, dz = p.z - q.z;
        float r2 = dx * dx + dy * dy + dz * dz;
        if (r2 > 0.0f) {
            float c = 1.0f / (r2 * r2);
            f.x += dx * c;
            f.y += dy * c;
            f.z += dz * c;
        }
    }
    force[i] = f;
}

// the same shape across a barrier: the tally lives in each thread's storage from one region to the next
__global__ void tallies(const float *x, float *out, int *counts)
{
    __shared__ float tile[128];
    Tally t = {make_float3(0.0f, 0.0f, 0.0f), 0};
    int i = blockIdx.x * 128 + threadIdx.x;
    tile[threadIdx.x] = x[i];
    if (threadIdx.x % 3 == 0) {
        t.sum.x += x[i];
    } else if (threadIdx.x % 3 == 1) {
        t.sum.y += x[i];
    } else {
        t.sum.z += x[i];
    }
    t.count++;
    __syncthreads();
    float left = tile[(threadIdx.x + 127) % 128];
    if (left > 0.0f) {
        t.sum.x += left;
        ++t.count;
    }
    out[i] = t.sum.x + 2.0f * t.sum.y + 3.0f * t.sum.z;
    counts[i] = t.count;
}

int main()
{
    const int n = 300, k = 6, blocks = 3;
    static float4 pos[n], force[n];
    static int neighbours[n * k], counts[blocks * 128];
    static float x[blocks * 128], out[blocks * 128];
    for (int i = 0; i < n; ++i) {
        pos[i] = make_float4((float)(i % 17), (float)(i % 11) * 0.5f, (float)(i % 7) * 0.25f, 0.0f);
        for (int j = 0; j < k; ++j) {
            neighbours[j * n + i] = (i * 7 + j * 13 + 1) % n;
        }
    }
    for (int i = 0; i < blocks * 128; ++i) {
        x[i] = (float)((i * 29) % 41) * 0.125f - 2.0f;
    }
    float4 *d_pos, *d_force;
    int *d_nb, *d_counts;
    float *d_x, *d_out;
    hipMalloc(&d_pos, sizeof(pos));
    hipMalloc(&d_force, sizeof(force));
    hipMalloc(&d_nb, sizeof(neighbours));
    hipMalloc(&d_counts, sizeof(counts));
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_out, sizeof(out));
    hipMemcpy(d_pos, pos, sizeof(pos), hipMemcpyHostToDevice);
    hipMemcpy(d_nb, neighbours, sizeof(neighbours), hipMemcpyHostToDevice);
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(forces, dim3((n + 127) / 128), dim3(128), 0, 0, d_pos, d_nb, d_force, n, k);
    hipLaunchKernelGGL(tallies, dim3(blocks), dim3(128), 0, 0, d_x, d_out, d_counts);
    hipMemcpy(force, d_force, sizeof(force), hipMemcpyDeviceToHost);
    hipMemcpy(out, d_out, sizeof(out), hipMemcpyDeviceToHost);
    hipMemcpy(counts, d_counts, sizeof(counts), hipMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        float fx = 0.0f, fy = 0.0f, fz = 0.0f;
        for (int j = 0; j < k; ++j) {
            float4 q = pos[neighbours[j * n + i]];
            float dx = pos[i].x - q.x, dy = pos[i].y - q.y, dz = pos[i].z - q.z;
            float r2 = dx * dx + dy * dy + dz * dz;
            if (r2 > 0.0f) {
                float c = 1.0f / (r2 * r2);
                fx += dx * c;
                fy += dy * c;
                fz += dz * c;
            }
        }
        bad += fabsf(force[i].x - fx) > 1e-4f || fabsf(force[i].y - fy) > 1e-4f || fabsf(force[i].z - fz) > 1e-4f;
        if (i % 50 == 0) {
            printf("force %d: %.7g %.7g %.7g\n", i, force[i].x, force[i].y, force[i].z);
        }
    }
    for (int i = 0; i < blocks * 128; ++i) {
        int b = i / 128, t = i % 128;
        float left = x[b * 128 + (t + 127) % 128], s[3] = {0.0f, 0.0f, 0.0f};
        s[t % 3] += x[i];
        int c = 1;
        if (left > 0.0f) {
            s[0] += left;
            ++c;
        }
        bad += fabsf(out[i] - (s[0] + 2.0f * s[1] + 3.0f * s[2])) > 1e-5f || counts[i] != c;
        if (i % 64 == 0) {
            printf("tally %d: %.7g (%d)\n", i, out[i], counts[i]);
        }
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
