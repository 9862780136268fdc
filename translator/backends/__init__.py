"""Backends: hip, opencl and cpu, thin subclasses of one C-family emitter (base.py)."""
