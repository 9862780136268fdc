// The address of an element of __half or __half2 memory, `&h[i]`, `&pairs[i]`, passed to device functions
// that read and write through them. On OpenCL without cl_khr_fp16 the halves of global
// memory are reached through vload_half/vstore_half, so the address must stay a pointer into that memory
// (h + i), not become the address of a value already read.
#include <cstdio>
#include <cstring>
#include "oclrt.h"
#include "half_element_address.launch.h"
#include "cutrans_fp16.h"

/* cutrans: device function 'scale_in_place' moved to half_element_address.cl */




/* cutrans: device function 'swap_halves' moved to half_element_address.cl */




/* cutrans: device function 'sum_of_three' moved to half_element_address.cl */




/* cutrans: kernel 'element_addresses' moved to half_element_address.cl */










int main()
{
    const int n = 64;
    __half h_host[3 * n];
    __half2 pairs_host[n];
    for (int i = 0; i < 3 * n; ++i) {
        h_host[i] = __float2half(0.25f * (i % 13) - 1.0f);
    }
    for (int i = 0; i < n; ++i) {
        pairs_host[i] = __floats2half2_rn(0.5f * i, 0.125f * i + 1.0f);
    }
    __half *h;
    __half2 *pairs;
    float *sums;
    oclrtMalloc((void **)&h, sizeof h_host);
    oclrtMalloc((void **)&pairs, sizeof pairs_host);
    oclrtMalloc((void **)&sums, n * sizeof(float));
    oclrtMemcpy(h, h_host, sizeof h_host, oclrtMemcpyHostToDevice);
    oclrtMemcpy(pairs, pairs_host, sizeof pairs_host, oclrtMemcpyHostToDevice);
    cutrans_launch_element_addresses(2, 32, 0, 0, h, pairs, sums, n);
    float sums_host[n];
    unsigned short h_bits[3 * n], pair_bits[2 * n];
    oclrtMemcpy(sums_host, sums, sizeof sums_host, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(h_bits, h, sizeof h_bits, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(pair_bits, pairs, sizeof pair_bits, oclrtMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float a = 0.25f * ((3 * i) % 13) - 1.0f, b = 2.0f * (0.25f * ((3 * i + 1) % 13) - 1.0f);
        float c = 0.25f * ((3 * i + 2) % 13) - 1.0f;
        if (sums_host[i] != a + b + c) {
            printf("FAIL sum %d: %g, expected %g\n", i, sums_host[i], a + b + c);
            ++failures;
        }
    }
    for (int i = 0; i < n; i += 9) {
        printf("%d: sum %g, h %04x %04x %04x, pair %04x %04x\n", i, sums_host[i], h_bits[3 * i], h_bits[3 * i + 1],
               h_bits[3 * i + 2], pair_bits[2 * i], pair_bits[2 * i + 1]);
    }
    oclrtFree(h);
    oclrtFree(pairs);
    oclrtFree(sums);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
