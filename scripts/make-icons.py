"""Draws the Teams app icons (a shield with a check mark) as PNGs without any image library.

color:   192x192, full colour on the brand background.
outline: 32x32, white on transparent, as Teams requires.
Run: python3 scripts/make-icons.py <component-id>
"""
import struct
import sys
import zlib


def png(width, height, pixels):
    raw = b''.join(b'\x00' + bytes(v for px in row for v in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)

    header = struct.pack('>IIBBBBB', width, height, 8, 6, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


def inside_shield(x, y):
    """Unit square coordinates (0..1). A shield: flat top, straight sides, pointed bottom."""
    if y < 0.12 or y > 0.92:
        return False
    if y < 0.55:
        return 0.2 <= x <= 0.8
    # Lower part narrows linearly to the point at (0.5, 0.92).
    half = 0.3 * (0.92 - y) / (0.92 - 0.55)
    return abs(x - 0.5) <= half


def on_check(x, y, width):
    """A check mark from (0.34,0.5) to (0.46,0.63) to (0.68,0.36)."""
    def near(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= width ** 2
    return near(0.34, 0.5, 0.46, 0.63) or near(0.46, 0.63, 0.68, 0.36)


def render(size, background, fill, check, samples=4):
    rows = []
    for j in range(size):
        row = []
        for i in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sj in range(samples):
                for si in range(samples):
                    x = (i + (si + 0.5) / samples) / size
                    y = (j + (sj + 0.5) / samples) / size
                    if inside_shield(x, y):
                        c = check if on_check(x, y, 0.05) else fill
                    else:
                        c = background
                    for k in range(4):
                        acc[k] += c[k]
            row.append(tuple(int(round(v / samples ** 2)) for v in acc))
        rows.append(row)
    return rows


if __name__ == '__main__':
    component_id = sys.argv[1]
    brand = (0, 90, 158, 255)      # region blue, 7:1 against white
    white = (255, 255, 255, 255)
    clear = (0, 0, 0, 0)
    with open(f'teams/{component_id}_color.png', 'wb') as f:
        f.write(png(192, 192, render(192, brand, white, brand)))
    with open(f'teams/{component_id}_outline.png', 'wb') as f:
        f.write(png(32, 32, render(32, clear, white, clear)))
