// The device half of samples/header_with_device_code.cu: a kernel, a __device__ function and a
// cooperative-groups warp reduction written for 32-lane warps, in a header of the program's own.
#pragma once
namespace cooperative_groups {}  /* cutrans: <cooperative_groups.h> is device-only */

namespace cg = cooperative_groups;

/* cutrans: device function 'squared' moved to the .cl file of each source that includes this header */




// One partial sum per 32-thread warp: lane 0 of each warp writes it.
/* cutrans: kernel 'warp_sums' moved to the .cl file of each source that includes this header */









// A raw warp intrinsic with CUDA's full 32-lane mask.
/* cutrans: kernel 'warp_max' moved to the .cl file of each source that includes this header */






