// cuRAND, host and device API, as HIP output must write it (hipRAND): generator handles, enum constants in
// an error-check macro, device states in a kernel, and a program variable that shares a cuRAND name.
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hiprand/hiprand.h>
#include <hiprand/hiprand_kernel.h>

#define CURAND_CHECK(call)                                                  \
    do {                                                                    \
        hiprandStatus_t status_ = (call);                                    \
        if (status_ != HIPRAND_STATUS_SUCCESS) {                             \
            fprintf(stderr, "cuRAND error %d at line %d\n", (int)status_, __LINE__); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

__global__ void setup_states(hiprandState *states, unsigned long long seed, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) hiprand_init(seed, i, 0, &states[i]);  // CHECK-HIP: hiprand_init(seed, i, 0, &states[i])
}

__global__ void monte_carlo_pi(hiprandState *states, unsigned int *inside, int samples, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    hiprandState_t local = states[i];
    unsigned int hits = 0;
    for (int s = 0; s < samples; ++s) {
        float x = hiprand_uniform(&local);
        float y = hiprand_uniform(&local);
        hits += x * x + y * y <= 1.0f;
    }
    float2 g = hiprand_normal2(&local);                // CHECK-HIP: hiprand_normal2(&local)
    if (g.x > 1e30f) hits += hiprand(&local) & 1u;     // CHECK-HIP: hiprand(&local)
    states[i] = local;
    atomicAdd(inside, hits);
}

__global__ void philox_normals(hiprandStatePhilox4_32_10_t *states, float4 *out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        hiprand_init(7ULL, i, 0, &states[i]);
        out[i] = hiprand_normal4(&states[i]);         // CHECK-HIP: hiprand_normal4(&states[i])
    }
}

int main() {
    const int n = 1024, samples = 64;
    int curand = 0;                                   // the program's own name: left alone
    hiprandState *states;
    unsigned int *inside;
    hipMalloc(&states, n * sizeof(hiprandState));    // CHECK-HIP: n * sizeof(hiprandState)
    hipMalloc(&inside, sizeof(unsigned int));
    hipMemset(inside, 0, sizeof(unsigned int));
    setup_states<<<n / 256, 256>>>(states, 1234ULL, n);
    monte_carlo_pi<<<n / 256, 256>>>(states, inside, samples, n);

    hiprandGenerator_t gen;                            // CHECK-HIP: hiprandGenerator_t gen;
    float *uniform;
    double *normal;
    hipMalloc(&uniform, n * sizeof(float));
    hipMalloc(&normal, n * sizeof(double));
    CURAND_CHECK(hiprandCreateGenerator(&gen, HIPRAND_RNG_PSEUDO_PHILOX4_32_10));
    CURAND_CHECK(hiprandSetPseudoRandomGeneratorSeed(gen, 42ULL));
    CURAND_CHECK(hiprandGenerateUniform(gen, uniform, n));
    CURAND_CHECK(hiprandGenerateNormalDouble(gen, normal, n, 0.0, 1.0));
    CURAND_CHECK(hiprandDestroyGenerator(gen));

    unsigned int hits = 0;
    hipMemcpy(&hits, inside, sizeof(hits), hipMemcpyDeviceToHost);
    printf("pi ~ %f (%d)\n", 4.0 * hits / ((double)n * samples), curand);
    hipFree(states);
    hipFree(inside);
    hipFree(uniform);
    hipFree(normal);
    return 0;
}
