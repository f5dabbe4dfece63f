"""Inference backends beyond plain torch: dynamic int8 quantization for CPU runs.

Dynamic quantization stores the weights of every `nn.Linear` as int8 and quantizes activations on the
fly; on AVX2 CPUs (fbgemm) the matrix products run several times faster than fp32, at a small cost in
output agreement (see bench/throughput.py for both figures). It has no GPU kernels.
"""

from __future__ import annotations

import warnings

from .errors import DeviceError, MlsumError
from .models import LoadedModel

BACKENDS = ("torch", "int8")


def apply_backend(loaded: LoadedModel, backend: str) -> None:
    """Switch a loaded model to `backend` in place."""
    if backend == "torch":
        return
    if backend != "int8":
        raise MlsumError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
    if loaded.device.type != "cpu":
        raise DeviceError(f"--backend int8 runs on CPU only, not {loaded.device}; use --device cpu "
                          "or the default torch backend (half precision on GPU)")
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization announces its move to torchao
        loaded.model = torch.ao.quantization.quantize_dynamic(
            loaded.model.float(), {torch.nn.Linear}, dtype=torch.qint8)
