#!/usr/bin/env bash
# Draws images/icon.png (128x128, the marketplace icon): two nodes, MASTER (green) and BACKUP
# (grey), joined by a heartbeat line. Needs ImageMagick (apt-get install imagemagick; CONVERT=PATH
# names its convert binary).
set -euo pipefail
cd "$(dirname "$0")"
"${CONVERT:-convert}" -size 128x128 xc:none \
  -fill '#1d3557' -draw 'roundrectangle 4,4 123,123 22,22' \
  -fill '#2a9d8f' -draw 'roundrectangle 16,30 50,98 6,6' \
  -fill '#8d99ae' -draw 'roundrectangle 78,30 112,98 6,6' \
  -fill '#1d3557' -draw 'rectangle 22,42 44,46' -draw 'rectangle 22,54 44,58' \
  -draw 'rectangle 84,42 106,46' -draw 'rectangle 84,54 106,58' \
  -fill '#e9f5db' -draw 'circle 33,84 33,88' -fill '#edf2f4' -draw 'circle 95,84 95,88' \
  -fill none -stroke '#f1faee' -strokewidth 4 -draw 'polyline 50,64 58,64 62,52 67,78 71,58 74,64 78,64' \
  -depth 8 -strip -define png:exclude-chunks=date,time icon.png
