// The device half of samples/launch_from_header_template.cu, and the host code that launches it: kernels and
// the host functions and templates that launch them, in a header of the program's own (HeCBench's fma-cuda
// keeps its kernels and its templated launchers in kernels.h). This header does not include
// <cuda_runtime.h> (nvcc includes it implicitly), and the file includes it only after this header.
#pragma once
#include <type_traits>

/* cutrans: kernel 'axpy' moved to the .cl file of each source that includes this header */








// An explicit specialization: it adds one more, so the check sees which kernel ran.
/* cutrans: kernel 'axpy' moved to the .cl file of each source that includes this header */








/* cutrans: kernel 'square' moved to the .cl file of each source that includes this header */







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
        cutrans_launch_axpy_int(grid, kBlock, 0, 0, reinterpret_cast<const int *>(x), reinterpret_cast<int *>(y), static_cast<int>(a), n);
    } else if constexpr (std::is_same_v<T, float>) {
        cutrans_dispatch_axpy((const cutrans_kernel_axpy<float>*)nullptr, grid, kBlock, 0, 0, xs, ys, a, n);
    } else if constexpr (std::is_floating_point_v<T>) {
        cutrans_dispatch_axpy((const cutrans_kernel_axpy<T>*)nullptr, grid, kBlock, 0, 0, xs, ys, a, n);
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
    cutrans_launch_square((n + kBlock - 1) / kBlock, kBlock, 0, 0, d, n);
}
