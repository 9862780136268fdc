__kernel void vadd(__global const float* a, __global const float* b, __global float* c, int n) {
    int i = get_global_id(0);
    if (i < n) c[i] = a[i] + b[i];
}

__kernel void scale(__global float* x, float factor, int n) {
    int i = get_global_id(0);
    if (i < n) x[i] *= factor;
}

__kernel void block_sum(__global const int* in, __global int* out, __local int* scratch) {
    int lid = get_local_id(0);
    scratch[lid] = in[get_global_id(0)];
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid == 0) {
        int total = 0;
        for (int i = 0; i < (int)get_local_size(0); ++i) total += scratch[i];
        out[get_group_id(0)] = total;
    }
}
