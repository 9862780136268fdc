/* Empty stand-in: clang's CUDA wrapper includes curand_mtgp32_kernel.h, which CUDA 13 no longer ships.
 * Used only with --cuda-path, after the toolkit's own include folders. */
