// The device half of samples/launch_from_header_template.cu, and the host code that launches it: kernels and
// the host functions and templates that launch them, in a header of the program's own (HeCBench's fma-cuda
// keeps its kernels and its templated launchers in kernels.h). This header does not include
// <cuda_runtime.h> (nvcc includes it implicitly), and the file includes it only after this header.
#pragma once
#include <type_traits>

template <typename T>
__global__ void axpy(const T *x, T *y, T a, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        y[i] = a * x[i] + y[i];
    }
}

// An explicit specialization: it adds one more, so the check sees which kernel ran.
template <>
__global__ void axpy<int>(const int *x, int *y, int a, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        y[i] = a * x[i] + y[i] + 1;
    }
}

__global__ void square(float *d, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        d[i] = d[i] * d[i];
    }
}

enum class Status { ok, unsupported };

static const int kBlock = 128;

// Which kernel runs depends on T: the int branch launches the specialization with arguments that do not
// depend on T; the float branch names its instance while its arguments depend on T (they type-check for
// T = float only, so no other instance may compile that branch); other floating-point types launch axpy<T>.
template <typename T>
Status run_axpy(const void *x, void *y, T a, int n)
{
    const int grid = (n + kBlock - 1) / kBlock;
    auto xs = reinterpret_cast<const T *>(x);
    auto ys = reinterpret_cast<T *>(y);
    if constexpr (std::is_same_v<T, int>) {
        axpy<int><<<grid, kBlock>>>(reinterpret_cast<const int *>(x), reinterpret_cast<int *>(y),
                                    static_cast<int>(a), n);
    } else if constexpr (std::is_same_v<T, float>) {
        axpy<float><<<grid, kBlock>>>(xs, ys, a, n);
    } else if constexpr (std::is_floating_point_v<T>) {
        axpy<T><<<grid, kBlock>>>(xs, ys, a, n);
    } else {
        return Status::unsupported;
    }
    return Status::ok;
}

// An explicit instantiation, as fma-cuda's kernels.h exposes its launchers' instances to other code: it asks
// for the instance as a call does.
template Status run_axpy<double>(const void *, void *, double, int);

// A plain host function of the header.
inline void square_all(float *d, int n)
{
    square<<<(n + kBlock - 1) / kBlock, kBlock>>>(d, n);
}
