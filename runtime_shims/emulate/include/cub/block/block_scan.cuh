// cub::BlockScan for the CPU emulation: see ../cub.cuh.
#pragma once

#include "../cub.cuh"
