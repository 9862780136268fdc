/* Stand-in for CUB's <cub/device/device_select.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
