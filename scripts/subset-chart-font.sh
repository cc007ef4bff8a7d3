#!/usr/bin/env bash
# Regenerates assets/fonts/chart-sans-sc.otf, the font the PNG fallback of a document's charts is
# drawn with (shared/documents/kit/chart-raster.ts): Noto Sans CJK SC Regular from Debian's
# fonts-noto-cjk (SIL OFL 1.1), cut down to what chart labels can hold, so the app ships 1.6 MB
# instead of the 19 MB collection.
#
# Kept: ASCII and Latin-1, general punctuation, letter-like symbols (℃ ‰ №), arrows, maths
# operators (≥ ≤ ±), circled numbers, CJK punctuation, full-width forms, and the whole of GB2312
# (its 6763 hanzi of both levels plus its symbol rows), since a unit or a label may be user text.
# A character outside the set draws as the font's .notdef glyph, which Noto leaves empty: it is
# given a hollow box here, so a missing character shows as □ instead of a gap; nothing fails.
# Dropped: hinting (the rasteriser ignores it) and every OpenType feature but kern (the locl and
# vert forms would pull in the Japanese, Korean and traditional glyphs).
#
# Needs: apt-get install -y fonts-noto-cjk python3-fonttools
set -euo pipefail
cd "$(dirname "$0")/.."

source_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
# The collection's faces: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK (the Mono ones after). SC is the one.
sc_face=2
out=assets/fonts/chart-sans-sc.otf
text=$(mktemp)
trap 'rm -f "$text"' EXIT

# Debian's python3 (the one that has python3-fonttools), not a pyenv or venv one.
/usr/bin/python3 - "$text" <<'PY'
import sys
chars = set()
for high in range(0xA1, 0xF8):
    for low in range(0xA1, 0xFF):
        try:
            chars.add(bytes([high, low]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(chars)))
PY

/usr/bin/python3 -m fontTools.subset "$source_font" \
  --font-number=$sc_face \
  --text-file="$text" \
  --unicodes=U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+3000-303F,U+FF00-FFEF \
  --no-hinting \
  --layout-features=kern \
  --output-file="$out"
/usr/bin/python3 - "$out" <<'PY'
import sys
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

font = TTFont(sys.argv[1])
notdef = font['CFF '].cff.topDictIndex[0].CharStrings['.notdef']
pen = T2CharStringPen(None, None)  # the advance stays the font's default, one em


def rect(x0, y0, x1, y1, clockwise):
    points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    if clockwise:
        points.reverse()
    pen.moveTo(points[0])
    for point in points[1:]:
        pen.lineTo(point)
    pen.closePath()


rect(100, -60, 900, 820, clockwise=False)  # outer edge
rect(160, 0, 840, 760, clockwise=True)  # the hole
box = pen.getCharString(private=notdef.private, globalSubrs=notdef.globalSubrs)
notdef.program = box.program
notdef.bytecode = None  # compiled again from the program on save
font.save(sys.argv[1])
PY
cp /usr/share/doc/fonts-noto-cjk/copyright assets/fonts/chart-sans-sc.LICENSE.txt
echo "$out: $(stat -c %s "$out") bytes"
