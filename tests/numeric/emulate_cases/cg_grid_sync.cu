// Grid-wide sync cannot be emulated with blocks that run one after another: it must stop the program.
#include <cstdio>
#include <cooperative_groups.h>

namespace cg = cooperative_groups;

__global__ void two_phase(int *data)
{
    cg::grid_group grid = cg::this_grid();
    data[grid.thread_rank()] = 1;
    grid.sync();
    data[grid.thread_rank()] += data[(grid.thread_rank() + 1) % grid.size()];
}

int main()
{
    int *data;
    cudaMalloc(&data, 8 * sizeof(int));
    two_phase<<<2, 4>>>(data);
    cudaDeviceSynchronize();
    printf("not reached\n");
    return 0;
}
