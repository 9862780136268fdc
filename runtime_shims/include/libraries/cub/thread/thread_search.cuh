/* Stand-in for CUB's <cub/thread/thread_search.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
