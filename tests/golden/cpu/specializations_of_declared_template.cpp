// Regression sample: a device function template that is only declared, used through its explicit
// specializations (`template <> ... copy_vector<float, 2>(...) {...}`), here called from a kernel template
// whose arguments pick the specialization, as HeCBench's softmax-fused copies vectors of half and float.
// cutrans refused it (L001: "function template 'copy_vector' has no definition"), since it looked for the
// primary template's body even where an explicit specialization supplies the one that is called.
#include <cstdio>
#include "cpurt.h"
#include "specializations_of_declared_template.launch.h"
#include "cutrans_fp16.h"

/* cutrans: device function 'copy_vector' moved to specializations_of_declared_template.kernels.c */


/* cutrans: device function 'copy_vector' moved to specializations_of_declared_template.kernels.c */





/* cutrans: device function 'copy_vector' moved to specializations_of_declared_template.kernels.c */





/* cutrans: device function 'copy_vector' moved to specializations_of_declared_template.kernels.c */





/* cutrans: kernel 'gather' moved to specializations_of_declared_template.kernels.c */








template <typename T, int ELEMENTS>
static int run(const char *name, const T *host, int count)
{
    T *src, *dst, *back = new T[count];
    cpurtMalloc((void **)&src, count * sizeof(T));
    cpurtMalloc((void **)&dst, count * sizeof(T));
    cpurtMemcpy(src, host, count * sizeof(T), cpurtMemcpyHostToDevice);
    const int groups = count / ELEMENTS;
    cutrans_dispatch_gather((const cutrans_kernel_gather<T, ELEMENTS>*)nullptr, (groups + 31) / 32, 32, 0, 0, dst, src, groups);
    cpurtMemcpy(back, dst, count * sizeof(T), cpurtMemcpyDeviceToHost);
    int failures = 0;
    printf("%s x%d:", name, ELEMENTS);
    for (int i = 0; i < count; ++i) {
        const int g = i / ELEMENTS, want = (groups - 1 - g) * ELEMENTS + i % ELEMENTS;
        failures += (float)back[i] != (float)host[want];
        if (i < 6) {
            printf(" %g", (float)back[i]);
        }
    }
    printf("\n");
    cpurtFree(src);
    cpurtFree(dst);
    delete[] back;
    return failures;
}

int main()
{
    const int count = 96;
    float floats[count];
    __half halves[count];
    for (int i = 0; i < count; ++i) {
        floats[i] = 0.5f * (float)i - 7.0f;
        halves[i] = __float2half(0.25f * (float)(i % 40));
    }
    int failures = run<float, 1>("float", floats, count) + run<float, 2>("float", floats, count) +
                   run<__half, 2>("half", halves, count);
    failures += cpurtGetLastError() != cpurtSuccess;
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
