#include <hip/hip_runtime.h>
// Methods of class templates that hold no data, used through implicit instantiations (cuda-samples'
// reduction: `T *sdata = SharedMemory<T>();`). The struct has no body written for SharedMemory<int>, so
// the translator copies the class template with T bound and lowers the conversion operator clang picks:
// `operator T *()` for a plain temporary, `operator const T *() const` for a const object. An explicit
// specialization (double) is lowered as it is written, and a two-parameter template's call operator
// shows that each parameter is bound.
#include <cstdio>
#include <cstdlib>

template <class T> struct SharedMemory {
    __device__ inline operator T *() {
        extern __shared__ int smem_words[];
        return (T *)smem_words;
    }
    __device__ inline operator const T *() const {
        extern __shared__ int smem_words[];
        return (const T *)smem_words;
    }
};

template <> struct SharedMemory<double> {
    __device__ inline operator double *() {
        extern __shared__ double smem_doubles[];
        return smem_doubles;
    }
    __device__ inline operator const double *() const {
        extern __shared__ double smem_doubles[];
        return smem_doubles;
    }
};

template <class From, class To> struct Widen {
    __device__ To operator()(From x) const { return (To)x * (To)2 + (To)1; }
};

// Each block sums its slice in shared memory; thread 0 reads the total back through the const view.
template <class T> __global__ void block_sum(const T *in, T *out) {
    T *s = SharedMemory<T>();
    const SharedMemory<T> view;
    const T *r = view;
    unsigned t = threadIdx.x;
    s[t] = in[blockIdx.x * blockDim.x + t];
    __syncthreads();
    for (unsigned half = blockDim.x / 2; half > 0; half /= 2) {
        if (t < half) s[t] += s[t + half];
        __syncthreads();
    }
    if (t == 0) out[blockIdx.x] = r[0];
}

__global__ void widen(const int *in, float *out) {
    unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    out[i] = Widen<int, float>()(in[i]);
}

template <class T> static int check_sums(const char *name, const T *x, const T *sums, int blocks, int threads) {
    int wrong = 0;
    for (int b = 0; b < blocks; ++b) {
        double want = 0;
        for (int t = 0; t < threads; ++t) want += (double)x[b * threads + t];
        wrong += (double)sums[b] != want;
        printf("%s block %d: %.3f\n", name, b, (double)sums[b]);
    }
    return wrong;
}

int main() {
    const int blocks = 4, threads = 64, n = blocks * threads;
    int *xi = (int *)malloc(n * sizeof(int));
    float *xf = (float *)malloc(n * sizeof(float)), *wf = (float *)malloc(n * sizeof(float));
    double *xd = (double *)malloc(n * sizeof(double));
    int si[blocks];
    float sf[blocks];
    double sd[blocks];
    for (int i = 0; i < n; ++i) {
        xi[i] = (i * 37) % 211 - 100;
        xf[i] = 0.5f * (float)(i % 23) - 4.0f;
        xd[i] = 0.125 * (double)(i % 41) + 1.0;
    }
    int *di, *doi;
    float *df, *dof, *dw;
    double *dd, *dod;
    hipMalloc((void **)&di, n * sizeof(int));
    hipMalloc((void **)&df, n * sizeof(float));
    hipMalloc((void **)&dd, n * sizeof(double));
    hipMalloc((void **)&dw, n * sizeof(float));
    hipMalloc((void **)&doi, blocks * sizeof(int));
    hipMalloc((void **)&dof, blocks * sizeof(float));
    hipMalloc((void **)&dod, blocks * sizeof(double));
    hipMemcpy(di, xi, n * sizeof(int), hipMemcpyHostToDevice);
    hipMemcpy(df, xf, n * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(dd, xd, n * sizeof(double), hipMemcpyHostToDevice);
    block_sum<int><<<blocks, threads, threads * sizeof(int)>>>(di, doi);
    block_sum<float><<<blocks, threads, threads * sizeof(float)>>>(df, dof);
    block_sum<double><<<blocks, threads, threads * sizeof(double)>>>(dd, dod);
    widen<<<blocks, threads>>>(di, dw);
    hipMemcpy(si, doi, sizeof si, hipMemcpyDeviceToHost);
    hipMemcpy(sf, dof, sizeof sf, hipMemcpyDeviceToHost);
    hipMemcpy(sd, dod, sizeof sd, hipMemcpyDeviceToHost);
    hipMemcpy(wf, dw, n * sizeof(float), hipMemcpyDeviceToHost);
    int wrong = check_sums("int", xi, si, blocks, threads) + check_sums("float", xf, sf, blocks, threads) +
                check_sums("double", xd, sd, blocks, threads);
    for (int i = 0; i < n; ++i) wrong += wf[i] != (float)xi[i] * 2.0f + 1.0f;
    printf("widened[3] %.1f, widened[%d] %.1f\n", wf[3], n - 1, wf[n - 1]);
    hipFree(di); hipFree(df); hipFree(dd); hipFree(dw); hipFree(doi); hipFree(dof); hipFree(dod);
    free(xi); free(xf); free(wf); free(xd);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
