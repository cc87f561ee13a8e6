#!/usr/bin/env python3
"""Counts of fragile communes and their population, method v1 (sum of flags) vs v2 (action 15's
categories counted once), nationally and in Occitanie, from the files of shared/data.
Standard library only. Usage: bench/fragility-counts.py [/path/to/shared/data]

v1: density level >= 5 OR ZRR 2018 OR mountain zone OR commune with a QPV (2024 list) OR overseas.
v2: espaces ruraux (density level >= 5 OR FRR socle / FRR+ / partiellement) OR zones de massifs
    (mountain zone) OR overseas. A QPV is evaluated at its quartier, never as a whole commune, so
    communes fragile only through a QPV are counted apart. Zones de reconversion: no data.
Population: populations municipales of communes-population/communes-2026.csv (COG 2026).
"""
import csv
import gzip
import io
import os
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
j = lambda *p: os.path.join(DATA, *p)


def rows(path, delimiter=","):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f, delimiter=delimiter)


communes = {}
for r in rows(j("communes-population", "communes-2026.csv")):
    if r["type"] == "commune-actuelle":
        communes[r["code"]] = (r["reg"], int(r["population"] or 0), r["zone"])
levels = {"Grands centres urbains": 1, "Centres urbains intermédiaires": 2, "Ceintures urbaines": 3,
          "Petites villes": 4, "Bourgs ruraux": 5, "Rural à habitat dispersé": 6, "Rural à habitat très dispersé": 7}
density = {r["insee_com"]: levels[r["niveau_densite"].strip()] for r in rows(j("grille-densite", "densite.csv"))}
frr = {r["Code_insee"]: r["Classement FRR et FRR+ au 10 juillet 2025"]
       for r in rows(j("frr", "liste-communes-FRR-juillet2025.csv.gz"), ";")}
zrr = {r["code_cog2026"] for r in rows(j("zrr", "zrr-2018-communes.csv")) if r["code_cog2026"]}
mountain = {r["insee_com"] for r in rows(j("zone-montagne", "montagne.csv"))}
qpv = {r["insee_com"] for r in rows(j("qpv", "communes-qpv-2024.csv"))}
FRR_CLASSEE = {"FRR socle", "FRR+", "Classée FRR partiellement"}


def overseas(code):
    return code.startswith("97")


def v1(c):
    return density.get(c, 0) >= 5 or c in zrr or c in mountain or c in qpv or overseas(c)


def v2(c):
    return density.get(c, 0) >= 5 or frr.get(c) in FRR_CLASSEE or c in mountain or overseas(c)


def report(label, keep):
    codes = [c for c in communes if keep(c)]
    total_pop = sum(communes[c][1] for c in codes)
    for name, test in (("v1 (somme des drapeaux)", v1), ("v2 (catégories, une fois)", v2)):
        sel = [c for c in codes if test(c)]
        pop = sum(communes[c][1] for c in sel)
        print(f"{label}: {name}: {len(sel):,} / {len(codes):,} communes ({100 * len(sel) / len(codes):.1f} %), "
              f"{pop / 1e6:.2f} M / {total_pop / 1e6:.2f} M habitants")
    qpv_only = [c for c in codes if v1(c) and not v2(c) and c in qpv]
    print(f"{label}: fragiles en v1 par un QPV seulement (évalués au quartier en v2): {len(qpv_only):,} communes, "
          f"{sum(communes[c][1] for c in qpv_only) / 1e6:.2f} M habitants")
    zrr_only = [c for c in codes if v1(c) and not v2(c) and c not in qpv]
    print(f"{label}: fragiles en v1 par la ZRR seulement (non FRR en v2): {len(zrr_only):,} communes, "
          f"{sum(communes[c][1] for c in zrr_only) / 1e6:.2f} M habitants")
    frr_only = [c for c in codes if v2(c) and not v1(c)]
    print(f"{label}: nouvelles en v2 (FRR sans autre critère): {len(frr_only):,} communes, "
          f"{sum(communes[c][1] for c in frr_only) / 1e6:.2f} M habitants")


report("France", lambda c: True)
report("Occitanie", lambda c: communes[c][0] == "76")
