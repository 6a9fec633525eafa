"""Render the app icon's PNG sizes and the Windows .ico and macOS .icns from resources/icons/briefing.svg.

The outputs are committed (packaging/icons/), so builds need neither Qt's SVG renderer nor Pillow.
Run after changing the SVG:  .venv/bin/python tools/make_icons.py  (Pillow comes with the test tools).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "briefing.svg"
OUT = ROOT / "packaging" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)  # what Pillow writes: ic11-ic14 and ic07-ic10


def render_png(size: int) -> bytes:
    """The SVG drawn by Qt at ``size`` x ``size`` pixels on a transparent background."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts for the SVG's text need one
    rendered = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    OUT.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        (OUT / f"briefing-{size}.png").write_bytes(rendered[size])
    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in rendered.items()}
    # Each size from its own rendering, not a downscale of the largest: small sizes stay crisp.
    largest = images[max(ICO_SIZES)]
    largest.save(
        OUT / "briefing.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[max(ICNS_SIZES)].save(OUT / "briefing.icns", append_images=[images[s] for s in ICNS_SIZES[:-1]])
    del app
    print(f"wrote {len(PNG_SIZES)} PNGs, briefing.ico and briefing.icns to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
