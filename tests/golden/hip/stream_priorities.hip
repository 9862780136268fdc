// Streams created with a priority (HeCBench streamPriority): cudaDeviceGetStreamPriorityRange,
// cudaStreamCreateWithPriority and cudaStreamGetPriority. A priority only orders the device's scheduling, never
// a result; the OpenCL and CPU runtimes run each stream in order and report the range [0, 0], as a GPU without
// priorities (and the emulated reference) does. The program clamps what it asks for into the range it is given.
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void axpy(const float *x, float *y, float a, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        y[i] = a * x[i] + y[i];
    }
}

int main()
{
    const int n = 1000;
    static float x[n], y_low[n], y_high[n];
    for (int i = 0; i < n; ++i) {
        x[i] = 0.25f * (i % 17) - 1.0f;
        y_low[i] = 1.0f;
        y_high[i] = -2.0f;
    }
    int least = 1, greatest = 1;
    hipDeviceGetStreamPriorityRange(&least, &greatest);
    bool ordered = greatest <= least;       // CUDA: a lower number is a higher priority
    hipStream_t low, high;
    hipStreamCreateWithPriority(&low, hipStreamNonBlocking, least);
    hipStreamCreateWithPriority(&high, hipStreamNonBlocking, greatest);
    int low_priority = 7, high_priority = 7;
    hipStreamGetPriority(low, &low_priority);
    hipStreamGetPriority(high, &high_priority);
    bool within = low_priority <= least && low_priority >= greatest && high_priority <= least &&
                  high_priority >= greatest;

    float *d_x, *d_low, *d_high;
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_low, sizeof(y_low));
    hipMalloc(&d_high, sizeof(y_high));
    hipMemcpyAsync(d_x, x, sizeof(x), hipMemcpyHostToDevice, low);
    hipMemcpyAsync(d_low, y_low, sizeof(y_low), hipMemcpyHostToDevice, low);
    hipMemcpyAsync(d_high, y_high, sizeof(y_high), hipMemcpyHostToDevice, high);
    hipStreamSynchronize(low);             // x is read by both streams
    axpy<<<(n + 127) / 128, 128, 0, low>>>(d_x, d_low, 2.0f, n);
    axpy<<<(n + 127) / 128, 128, 0, high>>>(d_x, d_high, -3.0f, n);
    hipMemcpyAsync(y_low, d_low, sizeof(y_low), hipMemcpyDeviceToHost, low);
    hipMemcpyAsync(y_high, d_high, sizeof(y_high), hipMemcpyDeviceToHost, high);
    hipStreamSynchronize(low);
    hipStreamSynchronize(high);

    int bad = !ordered || !within;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        bad += y_low[i] != 2.0f * x[i] + 1.0f || y_high[i] != -3.0f * x[i] - 2.0f;
        sum += y_low[i] + 2.0 * y_high[i];
    }
    printf("priorities in range: %s, checksum %.3f\n", ordered && within ? "yes" : "no", sum);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    hipStreamDestroy(low);
    hipStreamDestroy(high);
    hipFree(d_x);
    hipFree(d_low);
    hipFree(d_high);
    return 0;
}
