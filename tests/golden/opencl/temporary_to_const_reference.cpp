// Temporaries bound to `const T &` parameters of device functions: `a + V{1, 2}`, `dot(make_float3(...), w)`,
// a method taking `const V &` called with a constructed value, and a function that passes its reference on.
// C and OpenCL C have no references: cutrans passes the address of an lvalue, and a temporary, which has no
// address, goes to a variant of the function that takes that parameter by value (it used to be refused,
// L003). Nothing else can reach the temporary and the function cannot write it, so the copy is exact.
#include <cstdio>
#include "oclrt.h"
#include "temporary_to_const_reference.launch.h"

struct V {
    float x, y;
    __device__ V() : x(0.0f), y(0.0f) {}
    __device__ V(float a, float b) : x(a), y(b) {}
    __device__ float dot(const V &o) const { return x * o.x + y * o.y; }
};

/* cutrans: device function 'operator+' moved to temporary_to_const_reference.cl */
/* cutrans: device function 'scaled' moved to temporary_to_const_reference.cl */

/* cutrans: device function 'dot3' moved to temporary_to_const_reference.cl */
/* cutrans: device function 'length2' moved to temporary_to_const_reference.cl */          // passes its reference on

#define N 256

/* cutrans: kernel 'combine' moved to temporary_to_const_reference.cl */













int main()
{
    float xs[N], ys[N], out[N];
    for (int i = 0; i < N; ++i) {
        xs[i] = (float)(i % 13) * 0.25f - 1.5f;
        ys[i] = (float)(i % 7) * 0.5f - 1.0f;
    }
    float *d_xs, *d_ys, *d_out;
    oclrtMalloc(&d_xs, sizeof xs);
    oclrtMalloc(&d_ys, sizeof ys);
    oclrtMalloc(&d_out, sizeof out);
    oclrtMemcpy(d_xs, xs, sizeof xs, oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_ys, ys, sizeof ys, oclrtMemcpyHostToDevice);
    cutrans_launch_combine((N + 63) / 64, 64, 0, 0, d_xs, d_ys, d_out, N);
    oclrtMemcpy(out, d_out, sizeof out, oclrtMemcpyDeviceToHost);
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
    oclrtFree(d_xs);
    oclrtFree(d_ys);
    oclrtFree(d_out);
    return bad ? 1 : 0;
}
