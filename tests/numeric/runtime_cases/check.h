/* Tiny check helpers shared by the hand-written runtime test programs. */
#ifndef RUNTIME_CASES_CHECK_H
#define RUNTIME_CASES_CHECK_H
#include <cstdio>
#include <cstdlib>

#define EXPECT(cond)                                                            \
    do {                                                                        \
        if (!(cond)) {                                                          \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            std::exit(1);                                                       \
        }                                                                       \
    } while (0)

#define EXPECT_OK(call) EXPECT((call) == 0)
#endif
