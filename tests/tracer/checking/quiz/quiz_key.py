"""Shared by the quiz checks: runs quiz_sample into a fresh folder and reads its key."""
import csv
import os
import subprocess
import sys
import tempfile


def sample(argv):
    """(folder, key): the quiz files of quiz_sample and the key, one list of rows per question."""
    if len(argv) != 3:
        sys.exit("usage: %s QUIZ_SAMPLE SOURCE_HOME" % argv[0])
    folder = tempfile.mkdtemp(prefix="nntrace-quiz-")
    subprocess.run([argv[1], argv[2], folder], check=True)
    key = {}
    with open(os.path.join(folder, "key.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key.setdefault(int(row["question"]), []).append(row)
    return folder, [key[q] for q in sorted(key)]


def tolerance(decimals):
    """Half a unit in the last decimal, as text at one more decimal."""
    return "%.*f" % (decimals + 1, 0.5 * 10 ** -decimals)


def unescape(text):
    """Drops the backslash of each escaped character."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out)


def split_unescaped(text, separators):
    """Splits at each separator character not preceded by an escaping backslash, keeping which one."""
    parts, current, i, kinds = [], [], 0, []
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if c in separators:
            parts.append("".join(current))
            kinds.append(c)
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return parts, kinds


def fail(message):
    print("FAIL:", message)
    sys.exit(1)
