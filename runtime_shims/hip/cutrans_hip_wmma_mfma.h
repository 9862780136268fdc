/* cutrans: CUDA's warp matrix functions (<mma.h>, namespace nvcuda::wmma) in HIP, with mma_sync on the matrix
 * cores of CDNA GPUs (gfx908, gfx90a, gfx940, gfx941). This is what `cutrans convert --to hip --tensor-core
 * intrinsics` writes in place of `#include <mma.h>`: cutrans_hip_wmma.h in its matrix-core mode, which that
 * header describes. */
#ifndef CUTRANS_HIP_WMMA_MFMA_H
#define CUTRANS_HIP_WMMA_MFMA_H

#define CUTRANS_WMMA_MATRIX_CORES 1
#include "cutrans_hip_wmma.h"

#endif  // CUTRANS_HIP_WMMA_MFMA_H
