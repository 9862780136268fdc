"""verify: run the original program and its translations, compare what they print, report the outcome.

run      run_program, RunResult, private_workdir: one program in its own process group, with a time limit
compare  compare_outputs, compare_runs, ComparePolicy, Comparison: tolerant comparison of printed numbers
report   TargetResult, render_text, render_json, render_junit, exit_code: results and their renderings
"""

from translator.verify.compare import (DEFAULT_IGNORE_PATTERNS, DEFAULT_POLICY, ComparePolicy, Comparison, Mismatch,
                                       compare_outputs, compare_runs, tokenize)
from translator.verify.report import STATUSES, TargetResult, exit_code, render_json, render_junit, render_text
from translator.verify.run import MAX_OUTPUT_BYTES, RunResult, private_workdir, run_program

__all__ = [
    "DEFAULT_IGNORE_PATTERNS", "DEFAULT_POLICY", "ComparePolicy", "Comparison", "Mismatch", "compare_outputs",
    "compare_runs", "tokenize",
    "STATUSES", "TargetResult", "exit_code", "render_json", "render_junit", "render_text",
    "MAX_OUTPUT_BYTES", "RunResult", "private_workdir", "run_program",
]
