// A device function template instantiated with a struct that the file declares after the template (HeCBench
// graphB+: a generic `swap<T>` at the top of kernels.h, used with `EdgeInfo`, declared further down). cutrans
// instantiates a template by copying it with its arguments bound; the copy goes after the last declaration of a
// type the arguments name, where C++ would instantiate it, so `typedef Edge T;` compiles there.
#include <cstdio>

template <typename T>
static __device__ void swap_values(T &a, T &b)
{
    T c = a;
    a = b;
    b = c;
}

template <typename T>
__device__ T pick(bool first, T a, T b)
{
    return first ? a : b;
}

struct Edge {
    int from, to;
    float weight;
};

struct Point {
    float x, y;
};

// neighbouring pairs swap their edges and points; each thread then picks the lighter of its edge and the next
__global__ void reorder(Edge *edges, Point *points, Edge *lighter, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i % 2 == 0 && i + 1 < n) {
        swap_values(edges[i], edges[i + 1]);
        swap_values(points[i], points[i + 1]);
    }
    __syncthreads();
    if (i + 1 < n) {
        Edge *a = &edges[i], *b = &edges[i + 1];
        lighter[i] = *pick(a->weight <= b->weight, a, b);
    }
}

int main()
{
    const int n = 128;
    static Edge edges[n], lighter[n];
    static Point points[n];
    for (int i = 0; i < n; ++i) {
        edges[i] = Edge{i, (i * 7) % n, (float)((i * 37) % 23) * 0.5f};
        points[i] = Point{i * 0.25f, 2.0f - i};
    }
    Edge *d_edges, *d_lighter;
    Point *d_points;
    cudaMalloc(&d_edges, sizeof(edges));
    cudaMalloc(&d_lighter, sizeof(lighter));
    cudaMalloc(&d_points, sizeof(points));
    cudaMemcpy(d_edges, edges, sizeof(edges), cudaMemcpyHostToDevice);
    cudaMemcpy(d_points, points, sizeof(points), cudaMemcpyHostToDevice);
    reorder<<<1, n>>>(d_edges, d_points, d_lighter, n);
    static Edge out[n];
    static Point moved[n];
    cudaMemcpy(out, d_edges, sizeof(out), cudaMemcpyDeviceToHost);
    cudaMemcpy(moved, d_points, sizeof(moved), cudaMemcpyDeviceToHost);
    cudaMemcpy(lighter, d_lighter, sizeof(lighter), cudaMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        int j = i ^ 1;
        bad += out[i].from != edges[j].from || out[i].to != edges[j].to || moved[i].x != points[j].x;
        if (i + 1 < n) {
            const Edge &a = edges[i ^ 1], &b = edges[(i + 1) ^ 1];
            bad += lighter[i].from != (a.weight <= b.weight ? a.from : b.from);
        }
        if (i % 16 == 0) {
            printf("%d: edge %d->%d (%.3g), point (%.3g, %.3g), lighter %d\n", i, out[i].from, out[i].to,
                   out[i].weight, moved[i].x, moved[i].y, lighter[i].from);
        }
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
