"""passes/shared_offsets.py: which offsets into shared memory are taken as signed 32-bit numbers."""

from __future__ import annotations

import pytest

from translator.driver import backend_for, load_unit

KERNEL = """
#include <cuda_runtime.h>
__global__ void k(const unsigned *in, unsigned *out, unsigned n)
{
    __shared__ unsigned tile[256];
    __shared__ float grid2[16][16];
    unsigned t = threadIdx.x;
    tile[threadIdx.x] = in[t];                       // a built-in variable: below 2^31, no cast
    tile[threadIdx.x + 2u * blockDim.x] = 0u;        // bounded arithmetic of built-ins: no cast
    tile[threadIdx.x - 1u] = 1u;                     // a subtraction may wrap: cast
    __syncthreads();
    unsigned *p = tile + 128;
    out[t] = p[~t]                                   // a variable: cast
           + in[n - t]                               // global memory: C's own rule, no cast
           + (unsigned)grid2[t & 15u][t % 16u]       // bounded by the & and the %: no cast
           + *(p - n)                                // pointer minus an unsigned variable: cast
           + tile[t];                                // cast
    p += n;                                          // cast
    p -= 0u;                                         // a literal below 2^31: no cast
    out[t + 1u] = *p;
}
"""


@pytest.mark.parametrize("target", ["cpu", "opencl"])
def test_offsets_that_may_reach_2_to_the_31_are_signed(tmp_path, target):
    source = tmp_path / "k.cu"
    source.write_text(KERNEL)
    output = backend_for(target).translate(load_unit(str(source)), {})
    text = next(body.decode() for name, body in output.files.items() if name.endswith((".c", ".cl")))
    for device, cuda in (("[cutrans_t]", ""), ("(uint)get_local_id(0)", "threadIdx.x"),
                         ("(uint)get_local_size(0)", "blockDim.x")):
        text = text.replace(device, cuda)
    for kept in ("tile[threadIdx.x] = in[t]", "tile[threadIdx.x + 2u * blockDim.x] = 0u", "in[n - t]",
                 "grid2[t & 15u][t % 16u]", "out[t + 1u]", "p -= 0u"):
        assert kept in text, kept
    for signed in ("tile[(int)(threadIdx.x - 1u)] = 1u", "p[(int)~t]", "*(p - (int)n)", "tile[(int)t]",
                   "p += (int)n"):
        assert signed in text, signed
