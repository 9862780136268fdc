"""cutrans: a source-to-source translator for CUDA (HIP, OpenCL C, CPU C with OpenMP)."""

__version__ = "0.1.0"
