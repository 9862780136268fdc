/* Host code that reaches a runtime through CUDA's names only (device_report.h), after the runtime's header,
 * as a translated program does when it includes such a header. Build with -DRUNTIME_HEADER='"cpurt.h"' or
 * '"oclrt.h"'. */
#include RUNTIME_HEADER
#include "device_report.h"

#if !defined(__CUDA_RUNTIME_H__) || !defined(__DRIVER_TYPES_H__)
#error "the runtime header must define CUDA's include guards"
#endif

int main() {
    if (report_pick_device() != 0) return 1;
    void* block = nullptr;
    size_t pitch = 0;
    if (REPORT_CHECK(cudaMallocPitch(&block, &pitch, 100, 3)) || pitch < 100) return 1;
    if (REPORT_CHECK(cudaMemset2D(block, pitch, 0, 100, 3)) || REPORT_CHECK(cudaFree(block))) return 1;
    int stack_value = 0;
    if (cudaFree(&stack_value) != cudaErrorInvalidValue || cudaGetLastError() != cudaErrorInvalidValue) return 1;
    printf("PASS\n");
    return 0;
}
