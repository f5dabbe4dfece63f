"""Device and precision choice: CUDA when asked or available, half precision on GPUs, fp32 (torch) or
int8 (CTranslate2) on CPU."""

from __future__ import annotations

import re
import sys

from .errors import DeviceError

DTYPES = ("auto", "float32", "float16", "bfloat16", "int8")
_CUDA = re.compile(r"cuda(?::(\d+))?")


def probe(name: str = "auto") -> str:
    """`auto|cpu|cuda|cuda:N|mps` as ``cpu``, ``cuda:N`` or ``mps``, checked as :func:`resolve` checks it,
    but without importing torch (seconds) where CTranslate2 can count the GPUs; MPS needs torch."""
    name = (name or "auto").strip().lower()
    if name == "cpu":
        return "cpu"
    from . import ct2

    match = _CUDA.fullmatch(name)
    if "torch" in sys.modules or not ct2.available() or not (match or name == "auto") \
            or (name == "auto" and sys.platform == "darwin"):
        return _name(resolve(name))
    import ctranslate2

    count = ctranslate2.get_cuda_device_count()
    if name == "auto":
        return "cuda:0" if count else "cpu"
    return f"cuda:{_cuda_index(name, int(match.group(1) or 0), count)}"


def _name(device) -> str:
    return f"cuda:{device.index or 0}" if device.type == "cuda" else device.type


def _cuda_index(name: str, index: int, count: int) -> int:
    if count == 0:
        raise DeviceError(f"--device {name} asked for, but CUDA is not available on this machine; "
                          "use --device cpu")
    if index >= count:
        raise DeviceError(f"--device {name} asked for, but this machine has {count} CUDA device(s)")
    return index


def resolve(name: str = "auto"):
    """`auto|cpu|cuda|cuda:N|mps` as a torch.device, or a DeviceError when this machine lacks it."""
    import torch

    name = (name or "auto").strip().lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name == "cpu":
        return torch.device("cpu")
    if name == "mps":
        if not torch.backends.mps.is_available():
            raise DeviceError("--device mps asked for, but this machine has no Apple MPS backend")
        return torch.device("mps")
    match = _CUDA.fullmatch(name)
    if not match:
        raise DeviceError(f"unknown device {name!r}: use auto, cpu, cuda, cuda:N or mps")
    count = torch.cuda.device_count() if torch.cuda.is_available() else 0
    return torch.device("cuda", _cuda_index(name, int(match.group(1) or 0), count))


def dtype_for(device, requested: str = "auto"):
    """The torch dtype: bf16 on GPUs that support it, else fp16 on GPU; fp32 on CPU, where half precision
    is slower. int8 is CTranslate2's (:func:`mlsum.ct2.compute_type`)."""
    import torch

    check_dtype(requested)
    if requested == "int8":
        raise DeviceError("--dtype int8 runs with --backend ct2 (or auto on CPU), not --backend torch")
    if requested != "auto":
        return getattr(torch, requested)
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "mps":
        return torch.float16
    return torch.float32


def check_dtype(requested: str) -> None:
    if requested not in DTYPES:
        raise DeviceError(f"unknown dtype {requested!r}: use one of {', '.join(DTYPES)}")


def default_batch_size(device) -> int:
    """Inputs per batch on `device` (a torch.device or a name): 16 on CPU, where larger batches stop
    paying (bench/throughput.py), 64 on GPUs, which need wide batches to be busy (`--max-batch-tokens`
    bounds the memory)."""
    return 16 if str(device).split(":")[0] == "cpu" else 64
