// Temporaries bound to `const T &` parameters of device functions: `a + V{1, 2}`, `dot(make_float3(...), w)`,
// a method taking `const V &` called with a constructed value, and a function that passes its reference on.
// C and OpenCL C have no references: cutrans passes the address of an lvalue, and a temporary, which has no
// address, goes to a variant of the function that takes that parameter by value (it used to be refused,
// L003). Nothing else can reach the temporary and the function cannot write it, so the copy is exact.
#include <cstdio>
#include <cuda_runtime.h>

struct V {
    float x, y;
    __device__ V() : x(0.0f), y(0.0f) {}
    __device__ V(float a, float b) : x(a), y(b) {}
    __device__ float dot(const V &o) const { return x * o.x + y * o.y; }
};

__device__ V operator+(const V &a, const V &b) { return V(a.x + b.x, a.y + b.y); }
__device__ V scaled(const V &v, float s) { return V(v.x * s, v.y * s); }

__device__ float dot3(const float3 &a, const float3 &b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
__device__ float length2(const float3 &a) { return dot3(a, a); }          // passes its reference on

#define N 256

__global__ void combine(const float *xs, const float *ys, float *out, int n)
{
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        const V p(xs[i], ys[i]);
        const V q = p + V(1.0f, -2.0f);                    // an lvalue and a temporary
        const V r = V(0.5f, 0.25f) + scaled(q, 3.0f);      // two temporaries
        const float d = q.dot(V(ys[i], xs[i]));            // a method's parameter
        const float3 w = make_float3(xs[i], 1.0f, ys[i]);
        const float e = dot3(make_float3(r.x, r.y, d), w) + length2(make_float3(q.x, 0.5f, q.y));
        out[i] = e + dot3(w, w);                             // both lvalues: the function itself
    }
}

int main()
{
    float xs[N], ys[N], out[N];
    for (int i = 0; i < N; ++i) {
        xs[i] = (float)(i % 13) * 0.25f - 1.5f;
        ys[i] = (float)(i % 7) * 0.5f - 1.0f;
    }
    float *d_xs, *d_ys, *d_out;
    cudaMalloc(&d_xs, sizeof xs);
    cudaMalloc(&d_ys, sizeof ys);
    cudaMalloc(&d_out, sizeof out);
    cudaMemcpy(d_xs, xs, sizeof xs, cudaMemcpyHostToDevice);
    cudaMemcpy(d_ys, ys, sizeof ys, cudaMemcpyHostToDevice);
    combine<<<(N + 63) / 64, 64>>>(d_xs, d_ys, d_out, N);
    cudaMemcpy(out, d_out, sizeof out, cudaMemcpyDeviceToHost);
    int bad = 0;
    double sum = 0.0;
    for (int i = 0; i < N; ++i) {
        const float qx = xs[i] + 1.0f, qy = ys[i] - 2.0f;
        const float rx = 0.5f + qx * 3.0f, ry = 0.25f + qy * 3.0f;
        const float d = qx * ys[i] + qy * xs[i];
        const float e = rx * xs[i] + ry * 1.0f + d * ys[i] + (qx * qx + 0.25f + qy * qy);
        const float want = e + (xs[i] * xs[i] + 1.0f + ys[i] * ys[i]);
        bad += !(out[i] - want < 1e-3f && want - out[i] < 1e-3f);
        sum += out[i];
    }
    printf("out[5] = %.6f, out[100] = %.6f\nsum = %.4f\nmismatches = %d\n%s\n", out[5], out[100], sum, bad,
           bad ? "FAIL" : "PASS");
    cudaFree(d_xs);
    cudaFree(d_ys);
    cudaFree(d_out);
    return bad ? 1 : 0;
}
