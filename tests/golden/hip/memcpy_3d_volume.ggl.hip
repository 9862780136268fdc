// 3-D pitched memory: cudaMalloc3D, cudaMemcpy3D (host to device, device to device, and a sub-box back to
// the host at an offset), cudaMemset3D, and a 7-point stencil over the pitched volume. The extents count
// bytes in x, rows in y and slices in z; each slice holds ysize rows of `pitch` bytes.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                               \
    do {                                                                          \
        hipError_t err_ = (call);                                                \
        if (err_ != hipSuccess) {                                                \
            fprintf(stderr, "%s at line %d\n", hipGetErrorString(err_), __LINE__); \
            exit(1);                                                              \
        }                                                                         \
    } while (0)

// One thread per interior point; `pitch` in bytes, `ny` rows per slice, so rows are found through char*.
__global__ void smooth(const float *volume, float *result, size_t pitch, int nx, int ny, int nz)
{
    const char *in = (const char *)volume;
    char *out = (char *)result;
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    int z = blockIdx.z * blockDim.z + threadIdx.z;
    if (x < 1 || y < 1 || z < 1 || x >= nx - 1 || y >= ny - 1 || z >= nz - 1) return;
    size_t slice = pitch * ny;
    const float *c = (const float *)(in + z * slice + y * pitch);
    const float *up = (const float *)(in + z * slice + (y - 1) * pitch);
    const float *down = (const float *)(in + z * slice + (y + 1) * pitch);
    const float *front = (const float *)(in + (z - 1) * slice + y * pitch);
    const float *back = (const float *)(in + (z + 1) * slice + y * pitch);
    float *o = (float *)(out + z * slice + y * pitch);
    o[x] = 0.25f * c[x] + 0.125f * (c[x - 1] + c[x + 1] + up[x] + down[x] + front[x] + back[x]);
}

int main()
{
    const int nx = 37, ny = 13, nz = 9;
    static float host[nz][ny][nx];
    for (int z = 0; z < nz; ++z)
        for (int y = 0; y < ny; ++y)
            for (int x = 0; x < nx; ++x) host[z][y][x] = (float)((x * 7 + y * 13 + z * 29) % 31) - 15.0f;

    hipExtent extent = make_hipExtent(nx * sizeof(float), ny, nz);
    hipPitchedPtr in, out;
    CHECK(hipMalloc3D(&in, extent));
    CHECK(hipMalloc3D(&out, extent));
    if (in.pitch < nx * sizeof(float) || in.ysize != ny) {
        printf("bad pitched allocation\n");
        return 1;
    }

    hipMemcpy3DParms up = {0};
    up.srcPtr = make_hipPitchedPtr(host, nx * sizeof(float), nx, ny);
    up.dstPtr = in;
    up.extent = extent;
    up.kind = hipMemcpyHostToDevice;
    CHECK(hipMemcpy3D(&up));

    // the border keeps the input's values: copy the whole volume device to device, then smooth the inside
    hipMemcpy3DParms copy = {0};
    copy.srcPtr = in;
    copy.dstPtr = out;
    copy.extent = extent;
    copy.kind = hipMemcpyDeviceToDevice;
    CHECK(hipMemcpy3D(&copy));
    dim3 block(16, 4, 2);
    dim3 grid((nx + 15) / 16, (ny + 3) / 4, (nz + 1) / 2);
    hipLaunchKernelGGL(smooth, dim3(grid), dim3(block), 0, 0, (const float *)in.ptr, (float *)out.ptr, in.pitch, nx, ny, nz);
    CHECK(hipGetLastError());

    // a 5 x 4 x 3 box from (x 10, y 2, z 3) of the result, into a 8 x 6 x 5 host box at (x 1, y 1, z 1)
    static float box[5][6][8];
    hipMemcpy3DParms down = {0};
    down.srcPtr = out;
    down.srcPos = make_hipPos(10 * sizeof(float), 2, 3);
    down.dstPtr = make_hipPitchedPtr(box, 8 * sizeof(float), 8, 6);
    down.dstPos = make_hipPos(1 * sizeof(float), 1, 1);
    down.extent = make_hipExtent(5 * sizeof(float), 4, 3);
    down.kind = hipMemcpyDeviceToHost;
    CHECK(hipMemcpy3D(&down));

    // zero a 3 x 2 x 2 corner of the input with cudaMemset3D and read the whole input back
    CHECK(hipMemset3D(in, 0, make_hipExtent(3 * sizeof(float), 2, 2)));
    static float again[nz][ny][nx];
    hipMemcpy3DParms back = {0};
    back.srcPtr = in;
    back.dstPtr = make_hipPitchedPtr(again, nx * sizeof(float), nx, ny);
    back.extent = extent;
    back.kind = hipMemcpyDeviceToHost;
    CHECK(hipMemcpy3D(&back));

    double box_sum = 0.0, again_sum = 0.0;
    for (int z = 0; z < 5; ++z)
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x) box_sum += box[z][y][x] * (1 + x + 8 * y + 48 * z);
    for (int z = 0; z < nz; ++z)
        for (int y = 0; y < ny; ++y)
            for (int x = 0; x < nx; ++x) again_sum += again[z][y][x];
    printf("pitch = %s\n", in.pitch % 256 == 0 ? "a multiple of 256" : "other");
    printf("box[1][1][1] = %.4f, box[3][4][5] = %.4f, box[0][0][0] = %.4f\n", box[1][1][1], box[3][4][5], box[0][0][0]);
    printf("box checksum = %.4f\n", box_sum);
    printf("input after memset: %.1f (corner %.1f %.1f)\n", again_sum, again[1][1][2], again[2][2][3]);

    // the same on the host: the smoothed box (inside points only; the border is the input), and the memset
    int bad = 0;
    for (int z = 0; z < 5; ++z)
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x) {
                int gx = x - 1 + 10, gy = y - 1 + 2, gz = z - 1 + 3;
                bool inside_box = x >= 1 && x <= 5 && y >= 1 && y <= 4 && z >= 1 && z <= 3;
                float want = 0.0f;
                if (inside_box) {
                    const float(*h)[ny][nx] = host;
                    want = 0.25f * h[gz][gy][gx] + 0.125f * (h[gz][gy][gx - 1] + h[gz][gy][gx + 1] + h[gz][gy - 1][gx] +
                                                             h[gz][gy + 1][gx] + h[gz - 1][gy][gx] + h[gz + 1][gy][gx]);
                }
                bad += box[z][y][x] != want;
            }
    for (int z = 0; z < nz; ++z)
        for (int y = 0; y < ny; ++y)
            for (int x = 0; x < nx; ++x) bad += again[z][y][x] != (z < 2 && y < 2 && x < 3 ? 0.0f : host[z][y][x]);
    CHECK(hipFree(in.ptr));
    CHECK(hipFree(out.ptr));
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad != 0;
}
