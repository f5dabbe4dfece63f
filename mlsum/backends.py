"""Which engine runs a model: CTranslate2 (`ct2`) or plain transformers (`torch`).

`auto` is what bench/throughput.py measured fastest. On CPU that is CTranslate2 at int8, for greedy
and beam search alike, at a third of torch's memory; its outputs are close to, not identical with, the
fp32 model's. On GPU it is torch in half precision, the engine this project has GPU figures for
(`--backend ct2` runs float16 there too). `--backend torch` with fp32 weights gives exactly what
``model.generate()`` gives. Torch's dynamic int8 quantization (``torch.ao.quantization.quantize_dynamic``,
deprecated) was dropped: slower than CTranslate2's int8 at every decoding measured, it kept the fp32
pages resident beside the int8 weights.
"""

from __future__ import annotations

from .errors import DeviceError, MlsumError

BACKENDS = ("auto", "torch", "ct2")


def resolve_backend(backend: str, device, family: str = "") -> str:
    """`torch` or `ct2` for `backend` on `device` (a torch.device or a name such as ``cuda:0``) and a
    model of `family` (``""``: not known before loading, which `auto` leaves to torch)."""
    from . import ct2

    if backend not in BACKENDS:
        raise MlsumError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
    kind = str(device).split(":")[0]
    if backend == "auto":
        usable = kind == "cpu" and ct2.available() and ct2.supports(family)
        return "ct2" if usable else "torch"
    if backend == "ct2":
        if not ct2.available():
            raise MlsumError("--backend ct2 needs CTranslate2: pip install ctranslate2")
        if kind not in ("cpu", "cuda"):
            raise DeviceError(f"--backend ct2 runs on cpu or cuda, not {device}")
        if family and not ct2.supports(family):
            raise MlsumError(f"--backend ct2 cannot run {family!r} models; use --backend torch")
    return backend
