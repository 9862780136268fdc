// Regression sample: a source file that is not UTF-8. This licence header is Latin-1, as in many older
// programs: Copyright © 2013 Example Corp. libclang's Python binding decoded every string as strict
// UTF-8, so the © above stopped the conversion with an internal error (U002). The bytes pass
// through unchanged. nvcc 13 refuses such bytes in string literals (whatever the locale, as an H200 run
// showed), so the host string below spells its byte as an escape (device printf strings stay ASCII: L010).
#include <cmath>
#include <cstdio>
#include "cpurt.h"
#include "latin1_source_bytes.launch.h"

// Temperatures in °C, scaled into °F.
/* cutrans: kernel 'to_fahrenheit' moved to latin1_source_bytes.kernels.c */










int main()
{
    const int n = 64;
    float h[n];
    for (int i = 0; i < n; ++i) {
        h[i] = 0.5f * (float)(i - 20);
    }
    float *c, *f;
    cpurtMalloc((void **)&c, sizeof h);
    cpurtMalloc((void **)&f, sizeof h);
    cpurtMemcpy(c, h, sizeof h, cpurtMemcpyHostToDevice);
    cutrans_launch_to_fahrenheit(2, 32, 0, 0, c, f, n);
    float out[n];
    cpurtMemcpy(out, f, sizeof out, cpurtMemcpyDeviceToHost);
    int errors = 0;
    for (int i = 0; i < n; ++i) {
        errors += fabsf(out[i] - (h[i] * 1.8f + 32.0f)) > 1e-4f;    // the device may contract to an fma
    }
    printf("host: %.1f\xb0" "C -> %.1f\xb0" "F\n", h[n - 1], out[n - 1]);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cpurtFree(c);
    cpurtFree(f);
    return 0;
}
