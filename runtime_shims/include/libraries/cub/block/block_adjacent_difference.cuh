/* Stand-in for CUB's <cub/block/block_adjacent_difference.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
