/* Stand-in for cuSPARSE's <cusparse_v2.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use cuSPARSE without a CUDA toolkit. Nothing here is compiled into a program.
 * Enumerator values are not cuSPARSE's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CUSPARSE_V2_H
#define CUTRANS_STANDIN_CUSPARSE_V2_H
#include <cusparse.h>
#endif
