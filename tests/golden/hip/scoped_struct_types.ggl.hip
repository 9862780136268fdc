// Struct types declared outside file scope: in a namespace (with a method), nested in a struct, local to a
// kernel, and an unnamed union a kernel declares a variable with (float bits read as an integer). Each gets
// a C name of its scopes (geo_Vec, Grid_Cell, scale_Local, scale_union_<line>_<col>).
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

namespace geo {
struct Vec {
    float x, y;
    __device__ float dot(Vec o) const { return x * o.x + y * o.y; }
};
}  // namespace geo

struct Grid {
    struct Cell {
        int row, col;
    };
    Cell origin;
    float spacing;
};

__global__ void scale(const geo::Vec* v, Grid grid, float* out, unsigned* exponents, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    struct Local {
        float weight;
        int shift;
    };
    Local l = {0.5f, grid.origin.row + grid.origin.col};
    union {
        float f;
        unsigned u;
    } bits;
    bits.f = v[i].dot(v[i]) + 1.0f;
    exponents[i] = (bits.u >> 23) & 0xffu;
    geo::Vec shifted = {v[i].x + grid.spacing * l.shift, v[i].y};
    out[i] = l.weight * shifted.dot(v[0]);
}

int main() {
    const int n = 300;
    geo::Vec* h_v = (geo::Vec*)malloc(n * sizeof(geo::Vec));
    for (int i = 0; i < n; ++i) h_v[i] = geo::Vec{0.25f * (i % 17) - 2.0f, 0.125f * (i % 9)};
    Grid grid;
    grid.origin.row = 2;
    grid.origin.col = 1;
    grid.spacing = 0.5f;
    geo::Vec* d_v;
    float* d_out;
    unsigned* d_exp;
    CHECK(hipMalloc(&d_v, n * sizeof(geo::Vec)));
    CHECK(hipMalloc(&d_out, n * sizeof(float)));
    CHECK(hipMalloc(&d_exp, n * sizeof(unsigned)));
    CHECK(hipMemcpy(d_v, h_v, n * sizeof(geo::Vec), hipMemcpyHostToDevice));
    hipLaunchKernelGGL(scale, dim3((n + 127) / 128), dim3(128), 0, 0, d_v, grid, d_out, d_exp, n);
    CHECK(hipGetLastError());
    float* out = (float*)malloc(n * sizeof(float));
    unsigned* exps = (unsigned*)malloc(n * sizeof(unsigned));
    CHECK(hipMemcpy(out, d_out, n * sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(exps, d_exp, n * sizeof(unsigned), hipMemcpyDeviceToHost));

    // every value is a multiple of 1/64 well inside float's range: the host's sums are exact
    int errors = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        float x = h_v[i].x + 0.5f * 3, y = h_v[i].y;
        float want = 0.5f * (x * h_v[0].x + y * h_v[0].y);
        float norm = h_v[i].x * h_v[i].x + h_v[i].y * h_v[i].y + 1.0f;
        int e = 0;
        while (norm >= 2.0f) {
            norm /= 2.0f;
            ++e;
        }
        errors += out[i] != want;
        errors += exps[i] != (unsigned)(127 + e);
        sum += out[i] + exps[i];
    }
    printf("out[0] = %.4f, out[299] = %.4f, exponent[16] = %u\n", out[0], out[299], exps[16]);
    printf("sum = %.4f\n", sum);
    printf("errors = %d\n", errors);
    CHECK(hipFree(d_v));
    CHECK(hipFree(d_out));
    CHECK(hipFree(d_exp));
    free(h_v);
    free(out);
    free(exps);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
