// Streams created with a priority (HeCBench streamPriority): cudaDeviceGetStreamPriorityRange,
// cudaStreamCreateWithPriority and cudaStreamGetPriority. A priority only orders the device's scheduling, never
// a result; the OpenCL and CPU runtimes run each stream in order and report the range [0, 0], as a GPU without
// priorities (and the emulated reference) does. The program clamps what it asks for into the range it is given.
#include <cstdio>
#include "cpurt.h"
#include "stream_priorities.launch.h"

/* cutrans: kernel 'axpy' moved to stream_priorities.kernels.c */







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
    cpurtDeviceGetStreamPriorityRange(&least, &greatest);
    bool ordered = greatest <= least;       // CUDA: a lower number is a higher priority
    cpurtStream_t low, high;
    cpurtStreamCreateWithPriority(&low, cpurtStreamNonBlocking, least);
    cpurtStreamCreateWithPriority(&high, cpurtStreamNonBlocking, greatest);
    int low_priority = 7, high_priority = 7;
    cpurtStreamGetPriority(low, &low_priority);
    cpurtStreamGetPriority(high, &high_priority);
    bool within = low_priority <= least && low_priority >= greatest && high_priority <= least &&
                  high_priority >= greatest;

    float *d_x, *d_low, *d_high;
    cpurtMalloc(&d_x, sizeof(x));
    cpurtMalloc(&d_low, sizeof(y_low));
    cpurtMalloc(&d_high, sizeof(y_high));
    cpurtMemcpyAsync(d_x, x, sizeof(x), cpurtMemcpyHostToDevice, low);
    cpurtMemcpyAsync(d_low, y_low, sizeof(y_low), cpurtMemcpyHostToDevice, low);
    cpurtMemcpyAsync(d_high, y_high, sizeof(y_high), cpurtMemcpyHostToDevice, high);
    cpurtStreamSynchronize(low);             // x is read by both streams
    cutrans_launch_axpy((n + 127) / 128, 128, 0, low, d_x, d_low, 2.0f, n);
    cutrans_launch_axpy((n + 127) / 128, 128, 0, high, d_x, d_high, -3.0f, n);
    cpurtMemcpyAsync(y_low, d_low, sizeof(y_low), cpurtMemcpyDeviceToHost, low);
    cpurtMemcpyAsync(y_high, d_high, sizeof(y_high), cpurtMemcpyDeviceToHost, high);
    cpurtStreamSynchronize(low);
    cpurtStreamSynchronize(high);

    int bad = !ordered || !within;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        bad += y_low[i] != 2.0f * x[i] + 1.0f || y_high[i] != -3.0f * x[i] - 2.0f;
        sum += y_low[i] + 2.0 * y_high[i];
    }
    printf("priorities in range: %s, checksum %.3f\n", ordered && within ? "yes" : "no", sum);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    cpurtStreamDestroy(low);
    cpurtStreamDestroy(high);
    cpurtFree(d_x);
    cpurtFree(d_low);
    cpurtFree(d_high);
    return 0;
}
