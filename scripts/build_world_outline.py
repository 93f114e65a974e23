"""Build the dashboard's world outline, src/eventwire/server/static/world.json, from Natural Earth.

The outline is Natural Earth's 1:110m countries ("naturalearth_lowres", public domain), as shipped inside
the geopandas 0.14.4 wheel on PyPI; nothing is fetched at run time. It is rounded to 0.1 degree and written
as one SVG path in the dashboard's equirectangular coordinates (x = longitude, y = -latitude).

    .venv/bin/pip download --no-deps geopandas==0.14.4 -d /tmp/ne && .venv/bin/pip install pyshp
    .venv/bin/python scripts/build_world_outline.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp, only for this script

OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "server" / "static" / "world.json"
BASE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"


def rings(wheel: Path) -> list[list[tuple[float, float]]]:
    with zipfile.ZipFile(wheel) as z:
        files = {ext: io.BytesIO(z.read(f"{BASE}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(shp=files["shp"], shx=files["shx"], dbf=files["dbf"])
    out = []
    for shape in reader.shapes():
        parts = [*shape.parts, len(shape.points)]
        for a, b in zip(parts, parts[1:], strict=False):
            out.append([(float(x), float(y)) for x, y in shape.points[a:b]])
    return out


def path(all_rings: list[list[tuple[float, float]]]) -> str:
    pieces = []
    for ring in all_rings:
        pts: list[str] = []
        for lon, lat in ring:
            p = f"{round(lon, 1):g} {round(-lat, 1):g}"
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) >= 3:
            pieces.append("M" + "L".join(pts) + "Z")
    return "".join(pieces)


def main() -> None:
    wheel = Path(sys.argv[1])
    d = path(rings(wheel))
    OUT.write_text(json.dumps({
        "source": "Natural Earth 1:110m countries (public domain), from the geopandas 0.14.4 wheel; "
                  "scripts/build_world_outline.py",
        "path": d,
    }) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
