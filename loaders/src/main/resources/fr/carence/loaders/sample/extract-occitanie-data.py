#!/usr/bin/env python3
"""Extracts the data loaders' part of the Occitanie sample (flux, thd, fragilite, lieux) from
shared/data, in the publishers' own formats, filtered to région 76 by commune code (the
département prefix), gzip-compressed with a zero timestamp (reproducible bytes).

Standard library only. Re-run from anywhere:
    python3 extract-occitanie-data.py /path/to/shared/data
Lines are copied byte for byte (BOM, title lines, quoting and line endings kept).
"""
import csv
import gzip
import io
import os
import sys

DEPS = ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "occitanie")


def read_bytes(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return f.read()


def write_gz(name, data):
    path = os.path.join(OUT, name)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    print(f"{name}: {os.path.getsize(path):,} bytes")


def filter_csv(src, name, header_lines, code_column, delimiter=","):
    """Keeps the first header_lines lines, then the rows whose code starts with an Occitanie département."""
    data = read_bytes(src)
    lines = data.splitlines(keepends=True)
    header = lines[header_lines - 1].decode("utf-8-sig")
    col = next(csv.reader(io.StringIO(header), delimiter=delimiter)).index(code_column)
    kept = lines[:header_lines]
    rows = 0
    record = b""
    for line in lines[header_lines:]:
        record += line
        if record.count(b'"') % 2:  # a quoted field continues on the next physical line
            continue
        row = next(csv.reader(io.StringIO(record.decode("utf-8"), newline=""), delimiter=delimiter))
        if row[col][:2] in DEPS:
            kept.append(record)
            rows += 1
        record = b""
    write_gz(name, b"".join(kept))
    return rows


def whole(src, name):
    write_gz(name, read_bytes(src))


def main(shared):
    j = lambda *p: os.path.join(shared, *p)
    whole(j("commuting-flows", "fd-mobpro-2017-cc-millau-grands-causses.csv"), "fd-mobpro-2017-cc-millau-grands-causses.csv.gz")
    print(" rows", filter_csv(j("thd-ftth", "arcep-2018T1-communes.csv.gz"), "arcep-2018T1-communes-occitanie.csv.gz", 5, "Code commune"))
    print(" rows", filter_csv(j("thd-ftth", "arcep-2018T1-ftthCommunes.csv.gz"), "arcep-2018T1-ftthCommunes-occitanie.csv.gz", 5, "Code commune"))
    print(" rows", filter_csv(j("grille-densite", "densite.csv"), "densite-occitanie.csv.gz", 1, "insee_com"))
    print(" rows", filter_csv(j("zone-montagne", "montagne.csv"), "montagne-occitanie.csv.gz", 1, "insee_com"))
    whole(j("zone-montagne", "massifs-montagne.geojson"), "massifs-montagne.geojson.gz")
    print(" rows", filter_csv(j("ruralite-centralite", "ruralite.csv"), "ruralite-occitanie.csv.gz", 1, "insee_com"))
    print(" rows", filter_csv(j("ruralite-centralite", "centralite.csv"), "centralite-occitanie.csv.gz", 1, "insee_com"))
    print(" rows", filter_csv(j("zrr", "zrr-2018-communes.csv"), "zrr-2018-communes-occitanie.csv.gz", 1, "code_cog2026"))
    whole(j("zrr", "zrr-2018-perimetre.geojson"), "zrr-2018-perimetre.geojson.gz")
    print(" rows", filter_csv(j("qpv", "communes-qpv-2024.csv"), "communes-qpv-2024-occitanie.csv.gz", 1, "insee_com"))
    print(" rows", filter_csv(j("frr", "liste-communes-FRR-juillet2025.csv.gz"), "frr-juillet2025-occitanie.csv.gz", 1,
                              "Code_insee", delimiter=";"))
    whole(j("qpv-2015-occitanie", "qp-occitanie-2015.geojson.gz"), "qpv-2015-perimetres-occitanie.geojson.gz")
    whole(j("tiers-lieux", "tiers-lieux-occitanie-2016.csv"), "tiers-lieux-occitanie-2016.csv.gz")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
