#!/usr/bin/env python3
"""Draws the three 16x16 node icons (standard library only) into the node packages.

KNIME colours nodes by type; the icons only show what the node does:
learner = a network narrowing to a bottleneck and widening again, scorer = the network with a gauge bar,
filter = a funnel with a red dot (the anomaly). Run: python3 make_icons.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "org", "aedetect", "autoencoder", "node")

T = (0, 0, 0, 0)
DARK = (40, 60, 90, 255)
BLUE = (70, 130, 200, 255)
RED = (210, 50, 40, 255)
GREEN = (60, 160, 80, 255)


def png(path, pixels):
    raw = b"".join(b"\x00" + b"".join(struct.pack("4B", *p) for p in row) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


def canvas():
    return [[T] * 16 for _ in range(16)]


def rect(px, x0, y0, x1, y1, color):
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1):
            px[y][x] = color


def network(px, top):
    """Columns of units 6-3-1(bottleneck)-3-6 high, centred vertically around row top+6."""
    heights = [6, 4, 2, 4, 6]
    for i, h in enumerate(heights):
        x = 1 + i * 3
        rect(px, x, top + 6 - h, x + 1, top + 6 + h - 1, BLUE if i != 2 else DARK)


def learner():
    px = canvas()
    network(px, 1)
    rect(px, 1, 14, 14, 14, GREEN)
    return px


def scorer():
    px = canvas()
    network(px, 0)
    rect(px, 1, 13, 14, 14, DARK)
    rect(px, 2, 13, 10, 14, RED)
    return px


def funnel():
    px = canvas()
    for y in range(0, 8):
        rect(px, y, 1 + y, 15 - y, 1 + y, BLUE)
    rect(px, 7, 9, 8, 14, BLUE)
    rect(px, 11, 10, 13, 12, RED)
    return px


if __name__ == "__main__":
    for sub, name, draw in [("learner", "learner.png", learner), ("scorer", "scorer.png", scorer),
                            ("filter", "filter.png", funnel)]:
        png(os.path.join(OUT, sub, name), draw())
