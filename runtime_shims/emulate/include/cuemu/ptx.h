// Inline PTX in a CUDA program run on the emulation. translator/verify/reference.py rewrites every asm
// statement whose template is PTX into ::cuemu::inline_ptx("template", operands), each operand as
// ptx_out(constraint, lvalue) or ptx_in(constraint, value) in the asm's order (%0 first). This file carries
// out the instructions it knows, read from the template text at run time, and stops the program naming any
// other one.
//
// It knows the warp-level mma.sync.aligned.{m16n8k16,m16n8k8}.row.col.f32.f16.f16.f32. The 32 lanes of the
// warp meet; each gives its registers, and D = A x B + C is formed from the matrices the registers hold,
// placed as PTX's ISA defines the fragments (g = lane / 4, t = lane % 4): A element i of a lane at row
// g + 8 (i / 2 % 2), column 2t + i % 2 + 8 (i / 4); B element i at row 2t + i % 2 + 8 (i / 2), column g; C and D
// element i at row g + 8 (i / 2), column 2t + i % 2; element 2r of a .f16x2 register r in its low 16 bits.
// Each D element is C's plus the products in k order, one rounding to float per addition: cutrans's
// tensor-core semantics, not what a GPU's tensor cores round (docs/tensor_cores.md).
#pragma once

#include <cstring>
#include <initializer_list>

#include "half_bits.h"
#include "warp.h"

namespace cuemu {

struct PtxOperand {
    char constraint[8];
    void *target;                // an output's lvalue, or null for an input
    unsigned long long bits;     // an input's value; an output's value before the asm ("+" reads it)
    unsigned size;
};

template <class T>
PtxOperand ptx_out(const char *constraint, T &target)
{
    static_assert(sizeof(T) <= sizeof(unsigned long long), "an inline-PTX operand wider than 64 bits");
    PtxOperand op{};
    std::strncpy(op.constraint, constraint, sizeof op.constraint - 1);
    op.target = &target;
    op.size = sizeof(T);
    std::memcpy(&op.bits, &target, sizeof(T));
    return op;
}

template <class T>
PtxOperand ptx_in(const char *constraint, const T &value)
{
    static_assert(sizeof(T) <= sizeof(unsigned long long), "an inline-PTX operand wider than 64 bits");
    PtxOperand op{};
    std::strncpy(op.constraint, constraint, sizeof op.constraint - 1);
    op.size = sizeof(T);
    std::memcpy(&op.bits, &value, sizeof(T));
    return op;
}

struct PtxMmaForm {
    const char *name;
    int k, a_registers, b_registers;
};

inline constexpr PtxMmaForm ptx_mma_forms[] = {
    {"mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32", 16, 4, 2},
    {"mma.sync.aligned.m16n8k8.row.col.f32.f16.f16.f32", 8, 2, 1},
};

struct PtxMmaLane {
    const PtxMmaForm *form;
    unsigned a[4], b[2];
    float c[4], d[4];
};

inline void ptx_mma_warp(void *const *data)
{
    PtxMmaLane *lane[32];
    for (int l = 0; l < 32; ++l) {
        lane[l] = static_cast<PtxMmaLane *>(data[l]);
    }
    const PtxMmaForm &form = *lane[0]->form;
    float a[16][16] = {}, b[16][8] = {}, c[16][8] = {};
    for (int l = 0; l < 32; ++l) {
        const int g = l / 4, t = l % 4;
        for (int i = 0; i < 2 * form.a_registers; ++i) {
            const unsigned bits = lane[l]->a[i / 2] >> (16 * (i % 2)) & 0xffffu;
            a[g + 8 * (i / 2 % 2)][2 * t + i % 2 + 8 * (i / 4)] = half_bits::to_float(static_cast<std::uint16_t>(bits));
        }
        for (int i = 0; i < 2 * form.b_registers; ++i) {
            const unsigned bits = lane[l]->b[i / 2] >> (16 * (i % 2)) & 0xffffu;
            b[2 * t + i % 2 + 8 * (i / 2)][g] = half_bits::to_float(static_cast<std::uint16_t>(bits));
        }
        for (int i = 0; i < 4; ++i) {
            c[g + 8 * (i / 2)][2 * t + i % 2] = lane[l]->c[i];
        }
    }
    for (int l = 0; l < 32; ++l) {
        const int g = l / 4, t = l % 4;
        for (int i = 0; i < 4; ++i) {
            const int row = g + 8 * (i / 2), col = 2 * t + i % 2;
            float sum = c[row][col];
            for (int kk = 0; kk < form.k; ++kk) {
                const float product = a[row][kk] * b[kk][col];
                sum = sum + product;
            }
            lane[l]->d[i] = sum;
        }
    }
}

// The operand numbers of one register group: "{%4, %5}" or "%4". Advances `p` past it and a following ','.
inline int ptx_group(const char *&p, int *numbers, int most, const char *text)
{
    auto skip = [&] { while (*p == ' ' || *p == '\t' || *p == '\n') ++p; };
    skip();
    const bool braced = *p == '{';
    p += braced;
    int count = 0;
    for (;;) {
        skip();
        if (*p != '%' || count == most) {
            fatal("inline PTX '%s': cannot read its register operands", text);
        }
        numbers[count++] = static_cast<int>(std::strtol(p + 1, const_cast<char **>(&p), 10));
        skip();
        if (braced && *p == ',') {
            ++p;
            continue;
        }
        break;
    }
    if (braced) {
        if (*p != '}') {
            fatal("inline PTX '%s': cannot read its register operands", text);
        }
        ++p;
    }
    skip();
    p += *p == ',';
    return count;
}

inline void inline_ptx(const char *text, std::initializer_list<PtxOperand> list)
{
    const PtxOperand *ops = list.begin();
    const int n = static_cast<int>(list.size());
    const char *p = text;
    while (*p == ' ' || *p == '\t' || *p == '\n') ++p;
    const char *end = p;
    while (*end && *end != ' ' && *end != '\t' && *end != '\n') ++end;
    const PtxMmaForm *form = nullptr;
    for (const PtxMmaForm &f : ptx_mma_forms) {
        if (std::strlen(f.name) == static_cast<std::size_t>(end - p) && std::strncmp(f.name, p, end - p) == 0) {
            form = &f;
        }
    }
    if (form == nullptr) {
        fatal("inline PTX '%.*s' is not emulated (the emulation runs mma.sync.aligned.{m16n8k16,m16n8k8}.row.col."
              "f32.f16.f16.f32)", static_cast<int>(end - p), p);
    }
    p = end;
    int d[4], a[4], b[2], c[4];
    const int counts[4] = {ptx_group(p, d, 4, text), ptx_group(p, a, 4, text), ptx_group(p, b, 2, text),
                           ptx_group(p, c, 4, text)};
    if (counts[0] != 4 || counts[1] != form->a_registers || counts[2] != form->b_registers || counts[3] != 4) {
        fatal("inline PTX '%s': wrong number of registers for %s", text, form->name);
    }
    auto operand = [&](int number) -> const PtxOperand & {
        if (number < 0 || number >= n) {
            fatal("inline PTX '%s': operand %%%d does not exist (%d operands)", text, number, n);
        }
        return ops[number];
    };
    PtxMmaLane me{};
    me.form = form;
    for (int i = 0; i < form->a_registers; ++i) me.a[i] = static_cast<unsigned>(operand(a[i]).bits);
    for (int i = 0; i < form->b_registers; ++i) me.b[i] = static_cast<unsigned>(operand(b[i]).bits);
    for (int i = 0; i < 4; ++i) {
        const unsigned bits = static_cast<unsigned>(operand(c[i]).bits);
        std::memcpy(&me.c[i], &bits, sizeof(float));
    }
    meet_lane_group(32, ptx_mma_warp, &me);
    for (int i = 0; i < 4; ++i) {
        const PtxOperand &out = operand(d[i]);
        if (out.target == nullptr || out.size != sizeof(float)) {
            fatal("inline PTX '%s': D register %%%d is not a float output operand", text, d[i]);
        }
        std::memcpy(out.target, &me.d[i], sizeof(float));
    }
}

}  // namespace cuemu
