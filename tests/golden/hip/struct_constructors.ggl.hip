// Regression sample: constructors of structs, in device code (HeCBench chacha20's state, vector classes).
// Each constructor the program writes becomes a device function that makes the object and returns it:
// its member initializers, then its body (where `this` is the object being made, and an early `return;`
// returns it). `V v;`, `V v(a, b)`, `V v{a, b}`, `V v = V(a, b)` and a temporary `V(a, b).sum()` all call it.
// Constructors were refused (L003). An array of such structs, or a struct holding one as a field, would run
// the constructor per element, and is still refused.
#include <cmath>
#include <cstdio>
#include <hip/hip_runtime.h>

struct Complex {
    float re, im;
    __host__ __device__ Complex() : re(0.0f), im(0.0f) {}
    __host__ __device__ Complex(float r, float i) : re(r), im(i) {}
    __host__ __device__ explicit Complex(float r) : re(r), im(0.0f) {}
    __host__ __device__ Complex operator*(const Complex &o) const { return Complex(re * o.re - im * o.im, re * o.im + im * o.re); }
    __host__ __device__ Complex operator+(const Complex &o) const { return Complex(re + o.re, im + o.im); }
    __host__ __device__ float norm2() const { return re * re + im * im; }
};

struct Counter {
    unsigned state[4];
    int rounds;
    __host__ __device__ Counter(unsigned seed, int r)
    {
        rounds = r;
        if (r <= 0) {
            state[0] = state[1] = state[2] = state[3] = seed;
            return;
        }
        for (int k = 0; k < 4; ++k) {
            state[k] = seed * 2654435761u + (unsigned)k;
        }
        this->state[3] ^= 0x9e3779b9u;
    }
    __host__ __device__ unsigned mix() const
    {
        unsigned h = state[0];
        for (int k = 0; k < rounds; ++k) {
            h = (h ^ state[(k + 1) & 3]) * 16777619u;
        }
        return h;
    }
};

__global__ void mandel(const float *cre, const float *cim, int *steps, float *last, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        Complex c(cre[i], cim[i]);
        Complex z;
        int k = 0;
        while (k < 64 && z.norm2() <= 4.0f) {
            z = z * z + c;
            ++k;
        }
        steps[i] = k;
        Complex shift = Complex(0.5f);      // a temporary bound to `const Complex &` is refused (L003)
        // from c, not from the orbit's end: the orbit is chaotic, so a last-bit difference in how a
        // translation contracts the products (into fmas) would grow without bound there
        Complex w = c * c;
        last[i] = (w + shift).norm2() + Complex{1.0f, -1.0f}.norm2() + (float)(z.norm2() > 4.0f);
    }
}

__global__ void hashes(unsigned *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        Counter a((unsigned)i, 3);
        Counter b = Counter((unsigned)i, 0);
        out[i] = a.mix() ^ b.mix();
    }
}

int main()
{
    const int n = 128;
    float cre[n], cim[n];
    for (int i = 0; i < n; ++i) {
        cre[i] = -2.0f + 2.5f * (float)(i % 16) / 16.0f;
        cim[i] = -1.25f + 2.5f * (float)(i / 16) / 8.0f;
    }
    float *d_cre, *d_cim, *d_last;
    int *d_steps;
    unsigned *d_hash;
    hipMalloc((void **)&d_cre, sizeof cre);
    hipMalloc((void **)&d_cim, sizeof cim);
    hipMalloc((void **)&d_last, n * sizeof(float));
    hipMalloc((void **)&d_steps, n * sizeof(int));
    hipMalloc((void **)&d_hash, n * sizeof(unsigned));
    hipMemcpy(d_cre, cre, sizeof cre, hipMemcpyHostToDevice);
    hipMemcpy(d_cim, cim, sizeof cim, hipMemcpyHostToDevice);
    hipLaunchKernelGGL(mandel, dim3(4), dim3(32), 0, 0, d_cre, d_cim, d_steps, d_last, n);
    hipLaunchKernelGGL(hashes, dim3(4), dim3(32), 0, 0, d_hash, n);
    int steps[n];
    float last[n];
    unsigned hash[n];
    hipMemcpy(steps, d_steps, sizeof steps, hipMemcpyDeviceToHost);
    hipMemcpy(last, d_last, sizeof last, hipMemcpyDeviceToHost);
    hipMemcpy(hash, d_hash, sizeof hash, hipMemcpyDeviceToHost);
    int errors = 0;
    long total = 0;
    unsigned x = 0;
    for (int i = 0; i < n; ++i) {
        Counter a((unsigned)i, 3), b((unsigned)i, 0);
        errors += hash[i] != (a.mix() ^ b.mix());
        Complex c(cre[i], cim[i]), shift(0.5f), w = c * c;
        float want = (w + shift).norm2() + 2.0f + (float)(steps[i] < 64);
        errors += fabsf(last[i] - want) > 1e-4f * want;    // the device may contract to fmas
        total += steps[i];
        x ^= hash[i];
    }
    printf("total steps = %ld, hash xor = %u, last[5] = %.4f\n", total, x, last[5]);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    hipFree(d_cre);
    hipFree(d_cim);
    hipFree(d_last);
    hipFree(d_steps);
    hipFree(d_hash);
    return 0;
}
