// Atomic functions on int, unsigned, unsigned long long, float and double.
#include <cstdio>
#include <cuda_runtime.h>

struct Totals {
    int hist[8];
    unsigned umax;
    int imin;
    unsigned long long big;
    float fsum;
    double dsum;
    unsigned wrap;
    unsigned down;
    int exch;
    unsigned bits_or;
    unsigned bits_and;
    unsigned bits_xor;
    int sub;
};

__device__ double add_double_cas(double *address, double val)
{
    unsigned long long *p = (unsigned long long *)address;
    unsigned long long old = *p, assumed;
    do {
        assumed = old;
        old = atomicCAS(p, assumed, __double_as_longlong(val + __longlong_as_double(assumed)));
    } while (assumed != old);
    return __longlong_as_double(old);
}

__global__ void accumulate(Totals *t, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    atomicAdd(&t->hist[i % 8], 1);
    atomicMax(&t->umax, (unsigned)(i * 7 % 1000));
    atomicMin(&t->imin, 500 - i);
    atomicAdd(&t->big, 1000000000ull);
    atomicAdd(&t->fsum, 0.5f);
    add_double_cas(&t->dsum, 0.25);
    atomicInc(&t->wrap, 9u);
    atomicDec(&t->down, 1000u);
    atomicExch(&t->exch, i);
    atomicOr(&t->bits_or, 1u << (i % 32));
    atomicAnd(&t->bits_and, ~(1u << (i % 16)));
    atomicXor(&t->bits_xor, 1u << (i % 4));
    atomicSub(&t->sub, 2);
}

int main()
{
    const int n = 1000;
    Totals h{};
    h.imin = 1 << 30;
    h.bits_and = 0xffffffffu;
    h.down = 5;
    Totals *d;
    cudaMalloc((void **)&d, sizeof(Totals));
    cudaMemcpy(d, &h, sizeof(Totals), cudaMemcpyHostToDevice);
    accumulate<<<(n + 127) / 128, 128>>>(d, n);
    cudaMemcpy(&h, d, sizeof(Totals), cudaMemcpyDeviceToHost);
    int errors = 0;
    for (int b = 0; b < 8; ++b) {
        errors += h.hist[b] != n / 8;
    }
    errors += h.umax != 999 || h.imin != 500 - (n - 1) || h.big != 1000000000ull * n;
    errors += h.fsum != 0.5f * n || h.dsum != 0.25 * n;
    errors += h.wrap != n % 10;
    // atomicDec from 5 with limit 1000: 5,4,...,0 then wraps to 1000, so after n steps:
    errors += h.down != (unsigned)(1000 - ((n - 6) % 1001));
    errors += h.exch != n - 1 || h.bits_or != 0xffffffffu || h.bits_and != 0xffff0000u;
    errors += h.bits_xor != 0 || h.sub != -2 * n;
    printf("fsum=%.1f dsum=%.2f big=%llu wrap=%u down=%u\n", h.fsum, h.dsum, h.big, h.wrap, h.down);
    printf("errors = %d\n%s\n", errors, errors ? "FAIL" : "PASS");
    return errors != 0;
}
