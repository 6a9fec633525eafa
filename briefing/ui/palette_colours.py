"""Text colours that stay readable in the palette in use: entity, status and variant colours
are nudged lighter on a dark base and darker on a light one until they reach the WCAG contrast
ratio for text (4.5:1) against the base, the alternate row colour and any translucent highlight
painted under them (a person's name inside a quote, say)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtGui import QColor, QGuiApplication, QPalette

TEXT_CONTRAST = 4.5  # WCAG 2 AA for body text


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(base: QColor, overlay: str, alpha: int) -> QColor:
    """``overlay`` painted at ``alpha`` (0-255) over the opaque ``base``."""
    top, share = QColor(overlay), alpha / 255
    return QColor.fromRgbF(*(b + (t - b) * share for b, t in zip(_rgb(base), _rgb(top), strict=True)))


def readable(colour: str, overlays: Iterable[tuple[str, int]] = (), palette: QPalette | None = None) -> QColor:
    """``colour`` as close to itself as reads at 4.5:1 on the palette's base and alternate base,
    and on each (colour, alpha) overlay painted over the base."""
    palette = palette if palette is not None else QGuiApplication.palette()
    base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
    alternate = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.AlternateBase)
    return QColor(_readable(colour, tuple(overlays), base.name(), alternate.name()))


@lru_cache(maxsize=256)
def _readable(colour: str, overlays: tuple[tuple[str, int], ...], base_name: str, alternate_name: str) -> str:
    base = QColor(base_name)
    backgrounds = [base, QColor(alternate_name)] + [blend(base, c, a) for c, a in overlays]
    found = QColor(colour)
    lighten = luminance(base) < 0.18  # a dark base: text goes lighter
    hsl: tuple[float, float, float, float] = found.getHslF()  # type: ignore[assignment]  # the stub says object
    hue, saturation, lightness, _ = hsl
    while min(contrast(found, b) for b in backgrounds) < TEXT_CONTRAST and 0.0 < lightness < 1.0:
        lightness = min(1.0, lightness + 0.02) if lighten else max(0.0, lightness - 0.02)
        found = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return found.name()


def _rgb(colour: QColor) -> tuple[float, float, float]:
    return colour.redF(), colour.greenF(), colour.blueF()


def readable_on(colour: str, background: QColor) -> QColor:
    """``colour`` as close to itself as reads at 4.5:1 on ``background``."""
    return QColor(_readable(colour, (), background.name(), background.name()))
