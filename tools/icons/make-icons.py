#!/usr/bin/env python3
"""Draws the site icons (favicon.ico, apple-touch-icon.png) into src/Osaamismerkit/wwwroot.

Standard library only, so anyone can re-run it: a round badge in the public pages' brand blue (#005a8c) with a white
tick, anti-aliased by 4x4 supersampling. The .ico holds a 32 px and a 16 px PNG (PNG-in-ICO, read by every browser
since IE 9).
"""
import math
import struct
import sys
import zlib
from pathlib import Path

BRAND = (0x00, 0x5A, 0x8C)
WHITE = (0xFF, 0xFF, 0xFF)


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def sample(x, y, opaque_background):
    """Colour and coverage at a point of the unit square."""
    inside_badge = math.hypot(x - 0.5, y - 0.5) <= 0.47
    if not inside_badge:
        return (WHITE, 1.0) if opaque_background else (WHITE, 0.0)
    tick = min(segment_distance(x, y, 0.28, 0.52, 0.43, 0.67), segment_distance(x, y, 0.43, 0.67, 0.73, 0.35))
    return (WHITE, 1.0) if tick <= 0.065 else (BRAND, 1.0)


def render(size, opaque_background=False):
    rows = []
    n = 4
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            r = g = b = a = 0.0
            for sj in range(n):
                for si in range(n):
                    colour, alpha = sample((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size, opaque_background)
                    r += colour[0] * alpha
                    g += colour[1] * alpha
                    b += colour[2] * alpha
                    a += alpha
            if a:
                row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / (n * n))))
            else:
                row += bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return directory + entries + blobs


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "src/Osaamismerkit/wwwroot")
    (root / "favicon.ico").write_bytes(ico([(32, render(32)), (16, render(16))]))
    # iOS draws a transparent touch icon on black: the 180 px one gets a white background.
    (root / "apple-touch-icon.png").write_bytes(render(180, opaque_background=True))


if __name__ == "__main__":
    main()
