/* Stand-in for CUB's <cub/block/block_run_length_decode.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
