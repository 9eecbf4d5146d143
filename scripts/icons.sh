#!/usr/bin/env bash
# Renders every icon the bundlers want from the one source drawing, icons/icon.svg:
# PNGs (Linux, Tauri), icon.ico (Windows, 16–256 px) and icon.icns (macOS, 16–1024 px).
# Needs rsvg-convert (librsvg2-bin) and ImageMagick; run it after changing icon.svg.
set -euo pipefail
cd "$(dirname "$0")/../icons"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256 512 1024; do rsvg-convert -w $s -h $s icon.svg -o "$tmp/$s.png"; done
cp "$tmp/32.png" 32x32.png
cp "$tmp/128.png" 128x128.png
cp "$tmp/256.png" 128x128@2x.png
cp "$tmp/512.png" icon.png
convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/256.png" icon.ico
# icns: a header, then (type, length, PNG) entries; the types name the pixel sizes.
python3 - "$tmp" <<'PY'
import struct, sys
d = sys.argv[1]
entries = [(b'icp4', 16), (b'icp5', 32), (b'icp6', 64), (b'ic07', 128), (b'ic08', 256), (b'ic09', 512), (b'ic10', 1024),
           (b'ic11', 32), (b'ic12', 64), (b'ic13', 256), (b'ic14', 512)]
body = b''
for kind, size in entries:
    png = open(f'{d}/{size}.png', 'rb').read()
    body += kind + struct.pack('>I', len(png) + 8) + png
open('icon.icns', 'wb').write(b'icns' + struct.pack('>I', len(body) + 8) + body)
PY
ls -l
