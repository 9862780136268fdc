// Regression sample: kernel parameters whose C++ type differs from the device type of the same size.
// `char*` is not `signed char*` and `size_t*` (unsigned long*) is not `unsigned long long*` in C++:
// the launch glue must accept the host program's own types.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "host_parameter_types.launch.h"

typedef unsigned long ulong;

/* cutrans: kernel 'histogram_chars' moved to host_parameter_types.cl */









int main()
{
    const size_t n = 3000;
    char* h_text = (char*)malloc(n);
    for (size_t i = 0; i < n; ++i) h_text[i] = (char)(' ' + (i * 7) % 90);
    char* d_text;
    size_t* d_counts;
    ulong* d_total;
    oclrtMalloc((void**)&d_text, n);
    oclrtMalloc((void**)&d_counts, 16 * sizeof(size_t));
    oclrtMalloc((void**)&d_total, sizeof(ulong));
    oclrtMemcpy(d_text, h_text, n, oclrtMemcpyHostToDevice);
    oclrtMemset(d_counts, 0, 16 * sizeof(size_t));
    oclrtMemset(d_total, 0, sizeof(ulong));
    cutrans_launch_histogram_chars((unsigned)((n + 255) / 256), 256, 0, 0, d_text, n, d_counts, d_total, 1000LL);
    size_t counts[16];
    ulong total = 0;
    oclrtMemcpy(counts, d_counts, sizeof counts, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(&total, d_total, sizeof total, oclrtMemcpyDeviceToHost);

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
    oclrtFree(d_text);
    oclrtFree(d_counts);
    oclrtFree(d_total);
    free(h_text);
    return errors == 0 ? 0 : 1;
}
