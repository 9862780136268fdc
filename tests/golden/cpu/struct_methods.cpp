// Regression sample: methods of structs with data, called from device code. Each becomes a device
// function of its object: a const method that returns a value gets a copy (so it may be called on a
// temporary, `(a - b).dot(c)`), any other method a pointer to the caller's object (`c.scale(k)`,
// `out[i].scale(k)`, `p->scale(k)`). Members named alone or through `this` are the object's; an operator
// that returns `*this` (`c += b;`) is called as a statement. Such structs were refused (L003).
#include <cmath>
#include <cstdio>
#include "cpurt.h"
#include "struct_methods.launch.h"

struct Vec3 {
    float x, y, z;
    __host__ __device__ float dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
    __host__ __device__ float length2() const { return dot(*this); }
    __host__ __device__ void scale(float k);
    __host__ __device__ Vec3 operator-(const Vec3 &o) const
    {
        Vec3 r = {x - o.x, y - o.y, this->z - o.z};
        return r;
    }
    __host__ __device__ Vec3 &operator+=(const Vec3 &o)
    {
        x += o.x;
        y += o.y;
        z += o.z;
        return *this;
    }
    __host__ __device__ float *data() { return &x; }
};

// defined outside the struct
__host__ __device__ void Vec3::scale(float k)
{
    x *= k;
    y *= k;
    this->z *= k;
}

struct Pixel {
    unsigned char r, g, b;
    __host__ __device__ bool operator==(const Pixel &o) const { return r == o.r && g == o.g && b == o.b; }
    __host__ __device__ bool operator!=(const Pixel &o) const { return !(*this == o); }
};

struct Box {
    Vec3 lo, hi;
    __host__ __device__ bool contains(const Vec3 &p) const
    {
        return p.x >= lo.x && p.y >= lo.y && p.z >= lo.z && p.x <= hi.x && p.y <= hi.y && p.z <= hi.z;
    }
};

/* cutrans: kernel 'vectors' moved to struct_methods.kernels.c */
















/* cutrans: kernel 'pixels' moved to struct_methods.kernels.c */







int main()
{
    const int n = 96;
    Vec3 h[n];
    Pixel img[n];
    for (int i = 0; i < n; ++i) {
        h[i].x = 0.25f * (float)i;
        h[i].y = 1.0f - 0.125f * (float)i;
        h[i].z = (float)(i % 5);
        img[i].r = (unsigned char)(i % 3);
        img[i].g = (unsigned char)(i % 2);
        img[i].b = 7;
    }
    Box box = {{0.0f, -4.0f, 1.0f}, {16.0f, 1.0f, 3.0f}};
    Pixel key = {1, 0, 7};
    Vec3 *d_in, *d_out;
    Pixel *d_img;
    float *d_d;
    int *d_inside, *d_matches;
    cpurtMalloc((void **)&d_in, sizeof h);
    cpurtMalloc((void **)&d_out, sizeof h);
    cpurtMalloc((void **)&d_img, sizeof img);
    cpurtMalloc((void **)&d_d, n * sizeof(float));
    cpurtMalloc((void **)&d_inside, n * sizeof(int));
    cpurtMalloc((void **)&d_matches, n * sizeof(int));
    cpurtMemcpy(d_in, h, sizeof h, cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_img, img, sizeof img, cpurtMemcpyHostToDevice);
    cutrans_launch_vectors(3, 32, 0, 0, d_in, d_out, d_d, d_inside, box, n);
    cutrans_launch_pixels(3, 32, 0, 0, d_img, key, d_matches, n);
    Vec3 out[n];
    float d[n];
    int inside[n], matches[n];
    cpurtMemcpy(out, d_out, sizeof out, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(d, d_d, sizeof d, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(inside, d_inside, sizeof inside, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(matches, d_matches, sizeof matches, cpurtMemcpyDeviceToHost);
    int errors = 0, count_inside = 0, count_matches = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        Vec3 a = h[i], b = h[(i + 1) % n];
        Vec3 c = a - b;
        c.scale(0.5f);
        c += b;
        Vec3 o = c;
        o.scale(0.5f);
        float want = (a - b).dot(c) + a.length2() + c.y;
        errors += fabsf(out[i].x - o.x) > 1e-5f || fabsf(out[i].y - o.y) > 1e-5f || fabsf(out[i].z - o.z) > 1e-5f;
        errors += fabsf(d[i] - want) > 1e-3f * (1.0f + fabsf(want));
        errors += inside[i] != (int)box.contains(a);
        errors += matches[i] != (img[i] == key) + 2 * (img[i] != img[n - 1 - i]);
        count_inside += inside[i];
        count_matches += matches[i];
        sum += out[i].x + out[i].y + out[i].z + d[i];
    }
    printf("sum = %.3f, inside = %d, matches = %d\n", sum, count_inside, count_matches);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cpurtFree(d_in);
    cpurtFree(d_out);
    cpurtFree(d_img);
    cpurtFree(d_d);
    cpurtFree(d_inside);
    cpurtFree(d_matches);
    return 0;
}
