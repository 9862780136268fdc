#include "cpurt.h"
#include "template_argument_declared_later.launch.h"
// A device function template instantiated with a struct that the file declares after the template (HeCBench
// graphB+: a generic `swap<T>` at the top of kernels.h, used with `EdgeInfo`, declared further down). cutrans
// instantiates a template by copying it with its arguments bound; the copy goes after the last declaration of a
// type the arguments name, where C++ would instantiate it, so `typedef Edge T;` compiles there.
#include <cstdio>

/* cutrans: device function 'swap_values' moved to template_argument_declared_later.kernels.c */







/* cutrans: device function 'pick' moved to template_argument_declared_later.kernels.c */





struct Edge {
    int from, to;
    float weight;
};

struct Point {
    float x, y;
};

// neighbouring pairs swap their edges and points; each thread then picks the lighter of its edge and the next
/* cutrans: kernel 'reorder' moved to template_argument_declared_later.kernels.c */













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
    cpurtMalloc(&d_edges, sizeof(edges));
    cpurtMalloc(&d_lighter, sizeof(lighter));
    cpurtMalloc(&d_points, sizeof(points));
    cpurtMemcpy(d_edges, edges, sizeof(edges), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_points, points, sizeof(points), cpurtMemcpyHostToDevice);
    cutrans_launch_reorder(1, n, 0, 0, d_edges, d_points, d_lighter, n);
    static Edge out[n];
    static Point moved[n];
    cpurtMemcpy(out, d_edges, sizeof(out), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(moved, d_points, sizeof(moved), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(lighter, d_lighter, sizeof(lighter), cpurtMemcpyDeviceToHost);
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
