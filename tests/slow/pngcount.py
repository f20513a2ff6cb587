#!/usr/bin/env python3
"""tests/slow/pngcount.py PNG [RRGGBB] - what a screenshot shows, without PIL.

Prints "WIDTH HEIGHT NONWHITE MATCHING": the pixels that are not white, and
those of colour RRGGBB exactly (when given). Reads 8-bit RGB or RGBA PNGs,
non-interlaced, as Chromium writes them: zlib and the five row filters.
"""
import struct
import sys
import zlib


def rows(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, head = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = head
    assert depth == 8 and ctype in (2, 6) and not interlace, "unsupported PNG"
    bpp = 3 if ctype == 2 else 4
    raw, stride, prev = zlib.decompress(idat), w * bpp, bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        yield w, h, bpp, line


def main():
    want = bytes.fromhex(sys.argv[2]) if len(sys.argv) > 2 else None
    nonwhite = matching = 0
    for w, h, bpp, line in rows(sys.argv[1]):
        for x in range(0, w * bpp, bpp):
            px = bytes(line[x:x + 3])
            nonwhite += px != b"\xff\xff\xff"
            matching += px == want
    print(w, h, nonwhite, matching)


main()
