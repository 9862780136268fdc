// cuRAND, host and device API, as HIP output must write it (hipRAND): generator handles, enum constants in
// an error-check macro, device states in a kernel, and a program variable that shares a cuRAND name.
#include <cstdio>
#include <cuda_runtime.h>
#include <curand.h>
#include <curand_kernel.h>

#define CURAND_CHECK(call)                                                  \
    do {                                                                    \
        curandStatus_t status_ = (call);                                    \
        if (status_ != CURAND_STATUS_SUCCESS) {                             \
            fprintf(stderr, "cuRAND error %d at line %d\n", (int)status_, __LINE__); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

__global__ void setup_states(curandState *states, unsigned long long seed, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) curand_init(seed, i, 0, &states[i]);  // CHECK-HIP: hiprand_init(seed, i, 0, &states[i])
}

__global__ void monte_carlo_pi(curandState *states, unsigned int *inside, int samples, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    curandState_t local = states[i];
    unsigned int hits = 0;
    for (int s = 0; s < samples; ++s) {
        float x = curand_uniform(&local);
        float y = curand_uniform(&local);
        hits += x * x + y * y <= 1.0f;
    }
    float2 g = curand_normal2(&local);                // CHECK-HIP: hiprand_normal2(&local)
    if (g.x > 1e30f) hits += curand(&local) & 1u;     // CHECK-HIP: hiprand(&local)
    states[i] = local;
    atomicAdd(inside, hits);
}

__global__ void philox_normals(curandStatePhilox4_32_10_t *states, float4 *out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        curand_init(7ULL, i, 0, &states[i]);
        out[i] = curand_normal4(&states[i]);         // CHECK-HIP: hiprand_normal4(&states[i])
    }
}

int main() {
    const int n = 1024, samples = 64;
    int curand = 0;                                   // the program's own name: left alone
    curandState *states;
    unsigned int *inside;
    cudaMalloc(&states, n * sizeof(curandState));    // CHECK-HIP: n * sizeof(hiprandState)
    cudaMalloc(&inside, sizeof(unsigned int));
    cudaMemset(inside, 0, sizeof(unsigned int));
    setup_states<<<n / 256, 256>>>(states, 1234ULL, n);
    monte_carlo_pi<<<n / 256, 256>>>(states, inside, samples, n);

    curandGenerator_t gen;                            // CHECK-HIP: hiprandGenerator_t gen;
    float *uniform;
    double *normal;
    cudaMalloc(&uniform, n * sizeof(float));
    cudaMalloc(&normal, n * sizeof(double));
    CURAND_CHECK(curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_PHILOX4_32_10));
    CURAND_CHECK(curandSetPseudoRandomGeneratorSeed(gen, 42ULL));
    CURAND_CHECK(curandGenerateUniform(gen, uniform, n));
    CURAND_CHECK(curandGenerateNormalDouble(gen, normal, n, 0.0, 1.0));
    CURAND_CHECK(curandDestroyGenerator(gen));

    unsigned int hits = 0;
    cudaMemcpy(&hits, inside, sizeof(hits), cudaMemcpyDeviceToHost);
    printf("pi ~ %f (%d)\n", 4.0 * hits / ((double)n * samples), curand);
    cudaFree(states);
    cudaFree(inside);
    cudaFree(uniform);
    cudaFree(normal);
    return 0;
}
