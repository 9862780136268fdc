/* cuBLAS on the cpu target: a translated program's #include <cublas_v2.h> becomes this file, which
 * brings the runtime first (cutrans_cublas.h is written on its API). */
#pragma once
#include "cpurt.h"
#if __has_include("cutrans_cublas.h")
#include "cutrans_cublas.h"
#else
#include "../common/cutrans_cublas.h"
#endif
