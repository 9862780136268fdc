/* Stand-in for CUB's <cub/warp/warp_store.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
