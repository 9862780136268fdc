// The functions each source file of this program offers the others.
#pragma once

// scale.cu: out[i] = factor * in[i] + offset[i % 4], on the device (pointers are device memory)
void scale_on_device(const float *in, float *out, int n, float factor);
// histogram.cu: bins[v % nbins] counts the values of `in` (device pointers), returns the launches made
int histogram_on_device(const unsigned *in, int n, unsigned *bins, int nbins);
// gold.cpp: the same computations on the host
void scale_on_host(const float *in, float *out, int n, float factor);
void histogram_on_host(const unsigned *in, int n, unsigned *bins, int nbins);

extern int device_calls;   // defined in main.cpp, counted by both .cu files
