// Regression sample: a class whose fields are private, passed to kernels by value and by pointer. The
// launch glue checked the host's layout with offsetof on every field, which C++ refuses for a private one,
// so the OpenCL and CPU host code did not compile. Such a class keeps its size and alignment checks; its
// field offsets are the frontend's (it checks them against clang's layout of the same definition).
#include <cstdio>
#include "cpurt.h"
#include "private_struct_fields.launch.h"

class Interval {
    float lo_, hi_;
    int hits_;

public:
    __host__ __device__ Interval() : lo_(0.0f), hi_(0.0f), hits_(0) {}
    __host__ __device__ Interval(float lo, float hi) : lo_(lo), hi_(hi), hits_(0) {}
    __host__ __device__ bool holds(float x) const { return x >= lo_ && x < hi_; }
    __host__ __device__ float width() const { return hi_ - lo_; }
    __host__ __device__ void hit() { ++hits_; }
    __host__ __device__ int hits() const { return hits_; }
};

struct Counter {
    int total;

private:
    int spare_;
};

/* cutrans: kernel 'classify' moved to private_struct_fields.kernels.c */










/* cutrans: kernel 'count' moved to private_struct_fields.kernels.c */





int main()
{
    const int n = 1000, blocks = (n + 127) / 128;
    float h[n];
    for (int i = 0; i < n; ++i) h[i] = (float)((i * 37) % 100) / 100.0f;
    float *x, *width;
    Interval *per_block;
    Counter *c;
    cpurtMalloc((void **)&x, sizeof h);
    cpurtMalloc((void **)&width, sizeof(float));
    cpurtMalloc((void **)&per_block, blocks * sizeof(Interval));
    cpurtMalloc((void **)&c, sizeof(Counter));
    cpurtMemcpy(x, h, sizeof h, cpurtMemcpyHostToDevice);
    cpurtMemset(width, 0, sizeof(float));
    cpurtMemset(c, 0, sizeof(Counter));
    Interval init[blocks] = {};
    cpurtMemcpy(per_block, init, sizeof init, cpurtMemcpyHostToDevice);
    cutrans_launch_classify(blocks, 128, 0, 0, x, n, Interval(0.25f, 0.75f), per_block, width);
    cutrans_launch_count(blocks, 128, 0, 0, x, n, c);
    float w;
    Interval back[blocks] = {};
    Counter hc;
    cpurtMemcpy(&w, width, sizeof w, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(back, per_block, sizeof back, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(&hc, c, sizeof hc, cpurtMemcpyDeviceToHost);
    int hits = 0;
    for (int b = 0; b < blocks; ++b) hits += back[b].hits();
    printf("width sum %.4f, block hits %d, above half %d\n", w, hits, hc.total);
    int ok = hits == blocks && hc.total == 490;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
