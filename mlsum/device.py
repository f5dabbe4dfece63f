"""Device and precision choice: CUDA when asked or available, half precision on GPUs, fp32 on CPU."""

from __future__ import annotations

import re

from .errors import DeviceError

DTYPES = ("auto", "float32", "float16", "bfloat16")


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
    match = re.fullmatch(r"cuda(?::(\d+))?", name)
    if not match:
        raise DeviceError(f"unknown device {name!r}: use auto, cpu, cuda, cuda:N or mps")
    if not torch.cuda.is_available():
        raise DeviceError(f"--device {name} asked for, but CUDA is not available on this machine "
                          f"(torch {torch.__version__}); use --device cpu")
    index = int(match.group(1) or 0)
    if index >= torch.cuda.device_count():
        raise DeviceError(f"--device {name} asked for, but this machine has "
                          f"{torch.cuda.device_count()} CUDA device(s)")
    return torch.device("cuda", index)


def dtype_for(device, requested: str = "auto"):
    """bf16 on GPUs that support it, else fp16 on GPU; fp32 on CPU, where half precision is slower."""
    import torch

    if requested not in DTYPES:
        raise DeviceError(f"unknown dtype {requested!r}: use one of {', '.join(DTYPES)}")
    if requested != "auto":
        return getattr(torch, requested)
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "mps":
        return torch.float16
    return torch.float32


def default_batch_size(device) -> int:
    """Inputs per generate() call: 16 on CPU, where larger batches stop paying (bench/throughput.py),
    64 on GPUs, which need wide batches to be busy (`--max-batch-tokens` bounds the memory)."""
    return 16 if device.type == "cpu" else 64
