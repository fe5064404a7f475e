#!/usr/bin/env python3
"""Builds the batch program's embedded default data set from the Breast Cancer Wisconsin
(Diagnostic) data set as scikit-learn ships it (sklearn/datasets/data/breast_cancer.csv;
Debian package python3-sklearn 1.2.1, or any scikit-learn installation).

All 357 benign rows are kept and every 10th malignant row (the 1st, 11th, 21st, ... in file
order: 22 of 212), so that malignant tumours are a rare class (5.8%), as in the ODDS "WBC"
anomaly benchmark. Row order is the original one. Column names follow the UCI attribute names.

usage: make-breast-cancer-anomaly.py path/to/breast_cancer.csv > breast-cancer-wisconsin-anomaly.csv
"""
import csv
import sys

FEATURES = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
            "concave_points", "symmetry", "fractal_dimension"]
HEADER = ["id"] + [f + "_" + kind for kind in ("mean", "se", "worst") for f in FEATURES] + ["diagnosis"]

with open(sys.argv[1], newline="") as f:
    rows = list(csv.reader(f))[1:]  # the first line holds counts and class names

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(HEADER)
malignant_seen = 0
for number, row in enumerate(rows, start=1):
    malignant = row[30] == "0"  # sklearn: 0 = malignant, 1 = benign
    if malignant:
        malignant_seen += 1
        if (malignant_seen - 1) % 10 != 0:
            continue
    out.writerow([number] + row[:30] + ["malignant" if malignant else "benign"])
