/* CUB on the cpu target: a translated program's #include <cub/cub.cuh> becomes this file (cutrans_cub.h says
 * what it declares). */
#pragma once
#if __has_include("cutrans_cub.h")
#include "cutrans_cub.h"
#else
#include "../common/cutrans_cub.h"
#endif
