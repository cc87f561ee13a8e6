#!/usr/bin/env python3
"""Extracts the committed Occitanie sample (région 76) from the national files of shared/data.

Standard library only. Re-run from anywhere:
    python3 extract-occitanie.py /path/to/shared/data
Outputs go to the occitanie/ directory beside this script, in the publishers' own formats
(so the same loaders read them), gzip-compressed with a zero timestamp (reproducible bytes).
"""
import gzip
import json
import os
import sys

REGION = "76"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "occitanie")


def load_json(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def write_gz(name, text):
    path = os.path.join(OUT, name)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(text.encode("utf-8"))
    print(f"{name}: {os.path.getsize(path):,} bytes")


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def json_array(entries):
    """One entry per line, like @etalab/decoupage-administratif."""
    return "[\n" + ",\n".join(compact(e) for e in entries) + "\n]\n"


def current_code_of(communes):
    """2018 (or any former) code -> current code, with the priority of the 'admin' loader."""
    current = {c["code"] for c in communes if c["type"] == "commune-actuelle"}
    mapping = {}
    for c in communes:
        if c["type"] == "commune-actuelle":
            for old in c.get("anciensCodes", []):
                mapping.setdefault(old, c["code"])
    for c in communes:
        if c["type"] in ("commune-deleguee", "commune-associee"):
            mapping.setdefault(c["code"], c["chefLieu"])
        elif c["type"] == "arrondissement-municipal":
            mapping.setdefault(c["code"], c["commune"])

    def resolve(code):
        for _ in range(16):
            if code in current:
                return code
            code = mapping.get(code)
            if code is None:
                return None
        return None
    return resolve


def main(shared):
    pop = os.path.join(shared, "communes-population")
    geo = os.path.join(shared, "communes-geometry")
    os.makedirs(OUT, exist_ok=True)

    communes = load_json(os.path.join(pop, "communes.json.gz"))
    sample = [c for c in communes if c.get("region") == REGION]
    write_gz("communes.json.gz", json_array(sample))
    codes = {c["code"] for c in sample if c["type"] == "commune-actuelle"}

    # EPCI with at least one Occitanie member; members outside the région are dropped so every
    # member is a commune of the sample (a few EPCI straddle the région's border).
    epcis = []
    for e in load_json(os.path.join(pop, "epci.json.gz")):
        members = [m for m in e["membres"] if m["code"] in codes]
        if members:
            epcis.append(dict(e, membres=members))
    write_gz("epci.json.gz", json_array(epcis))
    for name in ("departements.json", "regions.json"):
        write_gz(name + ".gz", json_array(load_json(os.path.join(pop, name))))

    resolve = current_code_of(communes)
    with gzip.open(os.path.join(geo, "communes-2018-admin-express-simplifie.geojson.gz"), "rt", encoding="utf-8") as f:
        collection = json.load(f)
    kept = [ft for ft in collection["features"] if resolve(ft["properties"]["code"]) in codes]
    write_gz("communes-2018-occitanie.geojson.gz", compact({"type": "FeatureCollection", "features": kept}) + "\n")
    print(f"communes: {len(sample)} entries, {len(codes)} current; EPCI: {len(epcis)}; 2018 polygons: {len(kept)}")

    for name in ("departements-2018-avec-outre-mer.geojson.gz", "regions-2018-avec-outre-mer.geojson.gz"):
        with open(os.path.join(geo, name), "rb") as src, open(os.path.join(OUT, name), "wb") as dst:
            dst.write(src.read())  # whole France, unchanged: small, and a nicer base map
        print(f"{name}: copied unchanged")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: extract-occitanie.py SHARED_DATA_DIR")
    main(sys.argv[1])
