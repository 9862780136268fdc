#include "cpurt.h"
#include "forward_declared_structs.launch.h"
// Structs that a typedef declares before their definition (`typedef struct State State;` then `struct State
// {...}`), as C-style code does (HeCBench grep's NFA states). libclang names the forward declaration as the
// struct's type, which has no members: the translation must read the definition, for the fields (a shared array
// of them was refused as an "empty struct") and for a constructor, which each local runs.
#include <cstdio>

typedef struct Pair Pair;
typedef struct Tally Tally;

struct Pair
{
    int key;
    float weight;
};

struct Tally
{
    float sum;
    int count;
    __device__ Tally() : sum(0.5f), count(1) {}
    __device__ void add(const Pair &p)
    {
        sum += p.weight * p.key;
        ++count;
    }
};

/* cutrans: kernel 'tally' moved to forward_declared_structs.kernels.c */


















int main()
{
    const int n = 128, threads = 64;
    Pair pairs[n];
    for (int i = 0; i < n; ++i) {
        pairs[i].key = (i * 7) % 11;
        pairs[i].weight = 0.25f * (i % 5);
    }
    Pair *d_pairs;
    float *d_sums;
    int *d_counts;
    cpurtMalloc(&d_pairs, sizeof(pairs));
    cpurtMalloc(&d_sums, n * sizeof(float));
    cpurtMalloc(&d_counts, n * sizeof(int));
    cpurtMemcpy(d_pairs, pairs, sizeof(pairs), cpurtMemcpyHostToDevice);
    cutrans_launch_tally(n / threads, threads, 0, 0, d_pairs, d_sums, d_counts, n);
    float sums[n];
    int counts[n];
    cpurtMemcpy(sums, d_sums, sizeof(sums), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(counts, d_counts, sizeof(counts), cpurtMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        int base = i / threads * threads, t = i % threads;
        float sum = 0.5f;
        int count = 1;
        for (int k = 0; k < 4; ++k) {
            const Pair &p = pairs[base + (t + k) % threads];
            if (p.key % 3 != 0) {
                sum += p.weight * p.key;
                ++count;
            }
        }
        bad += sums[i] != sum || counts[i] != count;
        if (i % 37 == 0) {
            printf("%d: sum %.2f count %d\n", i, sums[i], counts[i]);
        }
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
