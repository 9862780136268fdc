/* Empty stand-in: clang's CUDA wrapper includes texture_fetch_functions.h, which CUDA 13 no longer ships.
 * Used only with --cuda-path, after the toolkit's own include folders. */
