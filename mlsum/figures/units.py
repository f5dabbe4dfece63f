"""Unit conversion through pint, loaded on first use: most checks compare figures in the same unit, and
building a pint registry costs about 0.4 s."""

from __future__ import annotations

from functools import lru_cache

_REGISTRY = None


def _registry():
    global _REGISTRY
    if _REGISTRY is None:
        import pint

        _REGISTRY = pint.UnitRegistry()
    return _REGISTRY


@lru_cache(maxsize=None)
def _base_factor(unit: str) -> float:
    return float(_registry().Quantity(1, unit).to_base_units().magnitude)


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """`value` in `from_unit` expressed in `to_unit` (both pint names of the same dimension)."""
    if from_unit == to_unit:
        return value
    return value * _base_factor(from_unit) / _base_factor(to_unit)


def convert_temperature(value: float, from_unit: str, to_unit: str) -> float:
    """Celsius ↔ Fahrenheit (offset scales, which a multiplicative factor cannot convert)."""
    if from_unit == to_unit:
        return value
    if from_unit == "degree_Celsius":
        return value * 9 / 5 + 32
    return (value - 32) * 5 / 9
