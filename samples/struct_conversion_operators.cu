// Structs with data and conversion operators in device code (HeCBench idivide's int_fastdiv: a divisor with its
// magic numbers, `operator int()` giving the divisor back, and a friend `operator/(int, const int_fastdiv &)`).
// An implicit conversion (`int d = div;`), an explicit one (`(int)div`, `static_cast<float>(w)`) and a free
// operator taking the struct become calls of device functions: `Divisor_operator_to_int(div)`.
#include <cstdio>

struct Divisor {
    int d, bias;
    __host__ __device__ Divisor(int divisor = 1) : d(divisor), bias(divisor / 2) {}
    __host__ __device__ operator int() const { return d; }
    friend __host__ __device__ int operator/(int n, const Divisor &v);
};

// rounds to nearest instead of toward zero
__host__ __device__ int operator/(int n, const Divisor &v) { return (n + v.bias) / v.d; }

struct Weight {
    float value;
    int scale;
    __host__ __device__ operator float() const { return value * (float)scale; }
    __host__ __device__ explicit operator bool() const { return scale != 0; }
};

__global__ void divide(Divisor div, const Weight *w, int *quotient, float *weighted, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    int d = div;
    quotient[i] = i * 10 / div + d * 1000 + (int)div;
    Weight here = w[i];
    weighted[i] = static_cast<bool>(here) ? static_cast<float>(here) + 0.5f : -1.0f;
}

int main()
{
    const int n = 300;
    static Weight w[n];
    static int quotient[n];
    static float weighted[n];
    for (int i = 0; i < n; ++i) {
        w[i] = Weight{(float)(i % 13) * 0.75f, i % 4};
    }
    Weight *d_w;
    int *d_q;
    float *d_f;
    cudaMalloc(&d_w, sizeof(w));
    cudaMalloc(&d_q, sizeof(quotient));
    cudaMalloc(&d_f, sizeof(weighted));
    cudaMemcpy(d_w, w, sizeof(w), cudaMemcpyHostToDevice);
    divide<<<(n + 127) / 128, 128>>>(Divisor(7), d_w, d_q, d_f, n);
    cudaMemcpy(quotient, d_q, sizeof(quotient), cudaMemcpyDeviceToHost);
    cudaMemcpy(weighted, d_f, sizeof(weighted), cudaMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        int want = (i * 10 + 3) / 7 + 7 * 1000 + 7;
        float fw = w[i].scale != 0 ? w[i].value * (float)w[i].scale + 0.5f : -1.0f;
        bad += quotient[i] != want || weighted[i] != fw;
        if (i % 25 == 0) {
            printf("%d: %d %.7g\n", i, quotient[i], weighted[i]);
        }
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
