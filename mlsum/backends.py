"""Inference backends beyond plain torch: dynamic int8 quantization for CPU runs.

Dynamic quantization stores the weights of every `nn.Linear` as int8 and quantizes activations on the
fly; on AVX2 CPUs (fbgemm) the matrix products run several times faster than fp32, at a small cost in
output agreement (see bench/throughput.py for both figures). It has no GPU kernels.
"""

from __future__ import annotations

import warnings

from .errors import DeviceError, MlsumError
from .models import LoadedModel

BACKENDS = ("auto", "torch", "int8")


def resolve_backend(backend: str, device) -> str:
    """`auto` is int8 on CPU, where it is 2× faster than fp32 (bench/throughput.py), and plain torch
    (half precision) on GPU, where dynamic quantization has no kernels."""
    if backend not in BACKENDS:
        raise MlsumError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
    if backend == "auto":
        return "int8" if device.type == "cpu" else "torch"
    if backend == "int8" and device.type != "cpu":
        raise DeviceError(f"--backend int8 runs on CPU only, not {device}; use --device cpu "
                          "or the default torch backend (half precision on GPU)")
    return backend


def apply_backend(loaded: LoadedModel, backend: str) -> None:
    """Switch a loaded model to `backend` (auto, torch or int8) in place; sets `loaded.backend`."""
    backend = resolve_backend(backend, loaded.device)
    loaded.backend = backend
    if backend == "torch":
        return
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization announces its move to torchao
        # in place: a copy would keep the fp32 weights alive beside the int8 ones (3.7 GB → 1.7 GB peak)
        torch.ao.quantization.quantize_dynamic(loaded.model.float(), {torch.nn.Linear}, dtype=torch.qint8,
                                               inplace=True)
