// Regression sample: user-defined structs and CUDA vector types in device code. An array of
// particles is updated through a pointer, the step parameters arrive as a struct passed by value,
// a __device__ function returns a struct, and float2/float4 values are built with make_float2/4.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

struct Particle {
    float x, y, vx, vy;
    int alive;
};

struct Params {
    float dt;
    float gravity;
    int steps;
};

struct Stats {
    float energy;
    int bounces;
};

__device__ float2 accelerate(float2 v, float g, float dt)
{
    return make_float2(v.x * 0.99f, v.y - g * dt);
}

__device__ Stats step(Particle* p, Params prm)
{
    Stats s = {0.0f, 0};
    for (int k = 0; k < prm.steps; ++k) {
        float2 v = accelerate(make_float2(p->vx, p->vy), prm.gravity, prm.dt);
        p->vx = v.x;
        p->vy = v.y;
        p->x += p->vx * prm.dt;
        p->y += p->vy * prm.dt;
        if (p->y < 0.0f) {
            p->y = -p->y;
            p->vy = -p->vy * 0.8f;
            s.bounces++;
        }
    }
    s.energy = 0.5f * (p->vx * p->vx + p->vy * p->vy) + prm.gravity * p->y;
    return s;
}

__global__ void simulate(Particle* particles, float4* summary, int n, Params prm)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    Particle local = particles[i];
    if (!local.alive) {
        summary[i] = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
        return;
    }
    Stats s = step(&local, prm);
    particles[i] = local;
    float4 out = make_float4(local.x, local.y, s.energy, (float)s.bounces);
    summary[i] = out;
}

static void reference_step(Particle* p, Params prm, float* energy, int* bounces)
{
    *bounces = 0;
    for (int k = 0; k < prm.steps; ++k) {
        float vx = p->vx * 0.99f, vy = p->vy - prm.gravity * prm.dt;
        p->vx = vx;
        p->vy = vy;
        p->x += p->vx * prm.dt;
        p->y += p->vy * prm.dt;
        if (p->y < 0.0f) {
            p->y = -p->y;
            p->vy = -p->vy * 0.8f;
            ++*bounces;
        }
    }
    *energy = 0.5f * (p->vx * p->vx + p->vy * p->vy) + prm.gravity * p->y;
}

int main()
{
    const int n = 300;
    Params prm = {0.01f, 9.81f, 50};
    Particle* hp = (Particle*)malloc(n * sizeof(Particle));
    Particle* want = (Particle*)malloc(n * sizeof(Particle));
    float* hs = (float*)malloc(n * 4 * sizeof(float));
    for (int i = 0; i < n; ++i) {
        hp[i].x = (float)(i % 17) * 0.25f;
        hp[i].y = 0.5f + (float)(i % 11) * 0.1f;
        hp[i].vx = (float)(i % 7) - 3.0f;
        hp[i].vy = (float)(i % 5) * 0.5f - 1.0f;
        hp[i].alive = i % 9 != 0;
        want[i] = hp[i];
    }
    Particle* dp;
    float4* ds;
    hipMalloc((void**)&dp, n * sizeof(Particle));
    hipMalloc((void**)&ds, n * 4 * sizeof(float));
    hipMemcpy(dp, hp, n * sizeof(Particle), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(simulate, dim3((n + 63) / 64), dim3(64), 0, 0, dp, ds, n, prm);
    hipMemcpy(hp, dp, n * sizeof(Particle), hipMemcpyDeviceToHost);
    hipMemcpy(hs, ds, n * 4 * sizeof(float), hipMemcpyDeviceToHost);

    int errors = hipGetLastError() != hipSuccess;
    double total_energy = 0.0;
    int total_bounces = 0;
    for (int i = 0; i < n; ++i) {
        float energy = 0.0f;
        int bounces = 0;
        if (want[i].alive) {
            reference_step(&want[i], prm, &energy, &bounces);
        }
        float dx = hp[i].x - want[i].x, dy = hp[i].y - want[i].y, de = hs[4 * i + 2] - energy;
        if (dx > 1e-3f || dx < -1e-3f || dy > 1e-3f || dy < -1e-3f || de > 1e-2f || de < -1e-2f ||
            (int)hs[4 * i + 3] != bounces) {
            ++errors;
        }
        total_energy += hs[4 * i + 2];
        total_bounces += (int)hs[4 * i + 3];
    }
    printf("particle 1: x = %.5f y = %.5f vx = %.5f vy = %.5f\n", hp[1].x, hp[1].y, hp[1].vx, hp[1].vy);
    printf("particle %d: x = %.5f y = %.5f energy = %.5f\n", n - 1, hp[n - 1].x, hp[n - 1].y, hs[4 * (n - 1) + 2]);
    printf("total energy = %.4f\ntotal bounces = %d\nerrors = %d\n%s\n", total_energy, total_bounces, errors,
           errors == 0 ? "PASS" : "FAIL");
    hipFree(dp);
    hipFree(ds);
    free(hp);
    free(want);
    free(hs);
    return errors == 0 ? 0 : 1;
}
