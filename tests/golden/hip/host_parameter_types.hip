// Regression sample: kernel parameters whose C++ type differs from the device type of the same size.
// `char*` is not `signed char*` and `size_t*` (unsigned long*) is not `unsigned long long*` in C++:
// the launch glue must accept the host program's own types.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

typedef unsigned long ulong;

__global__ void histogram_chars(const char* text, size_t n, size_t* counts, ulong* total, long long base)
{
    size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
    if (i < n) {
        unsigned char c = (unsigned char)text[i];
        atomicAdd((unsigned long long*)&counts[c % 16], 1ull);
        atomicAdd((unsigned long long*)total, (unsigned long long)(c + base));
    }
}

int main()
{
    const size_t n = 3000;
    char* h_text = (char*)malloc(n);
    for (size_t i = 0; i < n; ++i) h_text[i] = (char)(' ' + (i * 7) % 90);
    char* d_text;
    size_t* d_counts;
    ulong* d_total;
    hipMalloc((void**)&d_text, n);
    hipMalloc((void**)&d_counts, 16 * sizeof(size_t));
    hipMalloc((void**)&d_total, sizeof(ulong));
    hipMemcpy(d_text, h_text, n, hipMemcpyHostToDevice);
    hipMemset(d_counts, 0, 16 * sizeof(size_t));
    hipMemset(d_total, 0, sizeof(ulong));
    histogram_chars<<<(unsigned)((n + 255) / 256), 256>>>(d_text, n, d_counts, d_total, 1000LL);
    size_t counts[16];
    ulong total = 0;
    hipMemcpy(counts, d_counts, sizeof counts, hipMemcpyDeviceToHost);
    hipMemcpy(&total, d_total, sizeof total, hipMemcpyDeviceToHost);

    size_t want[16] = {0};
    ulong want_total = 0;
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = (unsigned char)h_text[i];
        want[c % 16]++;
        want_total += c + 1000;
    }
    int errors = total != want_total;
    for (int b = 0; b < 16; ++b) errors += counts[b] != want[b];
    printf("counts[0] = %zu, counts[15] = %zu\ntotal = %lu\nerrors = %d\n%s\n", counts[0], counts[15], total,
           errors, errors == 0 ? "PASS" : "FAIL");
    hipFree(d_text);
    hipFree(d_counts);
    hipFree(d_total);
    free(h_text);
    return errors == 0 ? 0 : 1;
}
