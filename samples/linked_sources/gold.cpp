// The host's answers, compiled by the host compiler alone (no CUDA in this file).
#include "ops.h"

void scale_on_host(const float *in, float *out, int n, float factor) {
    const float offsets[4] = {0.25f, -1.0f, 3.5f, 0.0f};
    for (int i = 0; i < n; ++i) out[i] = factor * (2.0f * in[i]) * 0.5f + offsets[i % 4];
}

void histogram_on_host(const unsigned *in, int n, unsigned *bins, int nbins) {
    for (int b = 0; b < nbins; ++b) bins[b] = 0;
    for (int i = 0; i < n; ++i) ++bins[in[i] % nbins];
}
