#!/bin/sh
# Install the free Fandol fonts (FandolFang, FandolKai, ...) that stand in for
# 仿宋_GB2312 and 楷体_GB2312 when LibreOffice renders a report to PDF.
#
# They ship inside Debian's texlive-lang-chinese (~100 MB of TeX we do not
# need): download the .deb and unpack only the Fandol .otf files.
#
#   scripts/install-fonts.sh [DEST]      DEST defaults to /usr/local/share/fonts/fandol
#
# Needs apt lists (run `apt-get update` first on a fresh image) and write
# access to DEST.  Does nothing when the fonts are already there.
set -eu

DEST="${1:-/usr/local/share/fonts/fandol}"

if [ -f "$DEST/FandolFang-Regular.otf" ] && [ -f "$DEST/FandolKai-Regular.otf" ]; then
    echo "Fandol fonts already in $DEST"
    exit 0
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT INT TERM

(cd "$tmp" && apt-get download texlive-lang-chinese)
deb="$(ls "$tmp"/texlive-lang-chinese_*.deb)"
# Unpack only the Fandol fonts from the package's data archive.
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards '*/fandol/Fandol*.otf'

mkdir -p "$DEST"
find "$tmp" -name 'Fandol*.otf' -exec cp {} "$DEST"/ \;
if command -v fc-cache >/dev/null 2>&1; then
    fc-cache -f "$DEST"
fi
echo "installed: $(ls "$DEST" | tr '\n' ' ')"
