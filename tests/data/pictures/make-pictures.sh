#!/bin/sh
# make-pictures.sh: regenerates the picture fixtures of tests/store/test-picture-import.c
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Needs ImageMagick (convert), exiftool (libimage-exiftool-perl) and python3.
# The 60 MB file and the large photos are made by the tests themselves, in a
# temporary folder: they are not kept in the repository.
set -eu
cd "$(dirname "$0")"

# A phone photo: GPS position (Cardiff Bay), a camera and a comment that
# must not survive the import. The marker strings are looked for in the
# output by the test.
convert -seed 4 -size 320x240 plasma:fractal gps-photo.jpg 2>/dev/null \
  || convert -size 320x240 gradient:orange-navy gps-photo.jpg
exiftool -q -overwrite_original \
  -GPSLatitude=51.4816 -GPSLatitudeRef=N \
  -GPSLongitude=3.1791 -GPSLongitudeRef=W \
  -GPSAltitude=12.5 -GPSAltitudeRef=0 \
  -Artist='OURPLAN-SECRET-ARTIST-7f3a' \
  -UserComment='OURPLAN-SECRET-COMMENT-9c1d' \
  -ImageDescription='OURPLAN-SECRET-DESCRIPTION-2b8e' \
  -Make='SecretPhoneMaker' -Model='SecretPhone 12' \
  -XMP:Creator='OURPLAN-SECRET-XMP-5e6f' \
  -Comment='OURPLAN-SECRET-JPEG-COMMENT-3a4b' \
  gps-photo.jpg

# The same photo cut off half way, as an interrupted download leaves it.
size=$(wc -c < gps-photo.jpg)
head -c $((size / 2)) gps-photo.jpg > truncated.jpg

# Not a picture at all, whatever its name says.
printf 'Shopping list:\n- milk\n- bread\n' > not-a-picture.png

# A picture with transparency: a red disc on nothing.
# It carries a text comment and EXIF (with GPS) too, which must go.
convert -size 64x48 xc:none -fill '#c01c28' -draw 'circle 32,24 32,4' \
  -define png:exclude-chunks=date,time -set comment 'OURPLAN-SECRET-PNG-COMMENT-8d2c' alpha.png
exiftool -q -m -overwrite_original -GPSLatitude=51.4816 -GPSLatitudeRef=N \
  -GPSLongitude=3.1791 -GPSLongitudeRef=W -Artist='OURPLAN-SECRET-PNG-ARTIST-1e0f' alpha.png

# Turned on its side by EXIF: stored 60 wide and 40 high, with the left
# half red and the right half blue; Orientation 6 means "turn 90 degrees
# clockwise to show", so it shows 40 wide, 60 high, red on top.
convert -size 30x40 xc:'#ff0000' -size 30x40 xc:'#0000ff' +append -quality 95 rotated.jpg
exiftool -q -overwrite_original -Orientation#=6 rotated.jpg

# The same, as large as a phone photo (3000 x 2000 stored): the turn must
# survive the decoder's own downscaling.
convert -size 1500x2000 xc:'#ff0000' -size 1500x2000 xc:'#0000ff' +append -quality 50 \
  rotated-large.jpg
exiftool -q -overwrite_original -Orientation#=6 rotated-large.jpg

# WebP (read when webp-pixbuf-loader is installed), and a WebP whose header
# claims 16,383 x 16,383 pixels.
convert -size 40x30 xc:'#00ff00' green.webp
python3 - <<'PY'
data = bytearray(open("green.webp", "rb").read())
assert data[12:16] == b"VP8 "
data[26:30] = (0x3FFF).to_bytes(2, "little") * 2
open("bomb-16383.webp", "wb").write(bytes(data))
PY

# An animation: a red frame, then a blue one. The first frame is imported.
convert -delay 50 -size 40x30 xc:'#ff0000' xc:'#0000ff' animation.gif

# SVGs that refer to the outside world, and one that does not.
cat > svg-remote.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
  <rect width="100" height="100" fill="#1c71d8"/>
  <image href="http://example.invalid/x.png" width="100" height="100"/>
</svg>
SVG
cat > svg-local-file.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="100" height="100">
  <image xlink:href="file:///etc/passwd" width="100" height="100"/>
</svg>
SVG
cat > svg-entity.svg <<'SVG'
<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
  <text y="50">&secret;</text>
</svg>
SVG
cat > svg-css-url.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
  <rect width="100" height="100" style="fill: url('https://example.invalid/paint')"/>
</svg>
SVG
cat > drawing.svg <<'SVG'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="48" height="24" viewBox="0 0 48 24">
  <defs>
    <linearGradient id="sky"><stop offset="0" stop-color="#62a0ea"/><stop offset="1" stop-color="#1a5fb4"/></linearGradient>
  </defs>
  <rect width="48" height="24" fill="url(#sky)"/>
  <use xlink:href="#sun"/>
  <circle id="sun" cx="36" cy="8" r="5" fill="#f6d32d"/>
</svg>
SVG

# A decompression bomb: 20,000 x 20,000 pixels of one colour. One bit per
# pixel (deflate cannot shrink more than about 1,000 to 1), so the file is
# about 50 KB while a decoder that trusts it would need 1.2 GB.
python3 - <<'PY'
import struct, zlib

def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xffffffff)

width = height = 20000
row = b"\0" + b"\xff" * (width // 8)           # filter 0, white, 1 bit a pixel
compressor = zlib.compressobj(9)
parts = [compressor.compress(row) for _ in range(height)]
parts.append(compressor.flush())
png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
       + chunk(b"IDAT", b"".join(parts))
       + chunk(b"IEND", b""))
open("bomb-20000.png", "wb").write(png)
PY

# The same as a JPEG: a tiny real JPEG whose frame header claims 20,000 x
# 20,000 pixels. The decoder learns the size before any pixel, so this is
# refused when the size is announced, before anything is allocated.
python3 - <<'PY'
data = bytearray(open("rotated.jpg", "rb").read())
sof = data.index(b"\xff\xc0")
data[sof + 5:sof + 9] = (20000).to_bytes(2, "big") * 2
open("bomb-20000.jpg", "wb").write(bytes(data))
PY

# Drawings with pictures inside: the bomb above as inline data (the SVG
# loader would decode it past every limit), a small picture as a CSS url(),
# and a filter that draws an image. All are refused.
python3 - <<'PY'
import base64
bomb = base64.b64encode(open("bomb-20000.png", "rb").read()).decode()
open("svg-inline-bomb.svg", "w").write("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="100" height="100">
  <image xlink:href="data:image/png;base64,%s" width="100" height="100"/>
</svg>
""" % bomb)
small = base64.b64encode(open("alpha.png", "rb").read()).decode()
open("svg-inline-picture.svg", "w").write("""<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48">
  <rect width="64" height="48" style="fill: url( 'data:image/png;base64,%s' )"/>
</svg>
""" % small)
open("svg-fe-image.svg", "w").write("""<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
  <filter id="f"><feImage href="#r"/></filter>
  <rect id="r" width="100" height="100" fill="#1c71d8" filter="url(#f)"/>
</svg>
""")
PY
