"""nntrace variants writes moodle.xml and quiz.gift beside key.csv: the XML parses (Python's XML
parser), each student has one Cloze question (idnumber = their id) whose blanks' right answers are
their row of key.csv, and the GIFT file has one question per student and answer whose right
answer is the same number; each tolerance is half a unit in the key's last decimal.
usage: variants_quiz_check.py NNTRACE_BINARY SOURCE_HOME"""
import csv
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROSTER_COLUMNS = 3  # examples/roster.csv: id, name, class; the answers follow in key.csv
RIGHT_BLANK = re.compile(r"\{\d+:NUMERICAL:=(-?\d+(?:\.\d+)?):(\d+(?:\.\d+)?)")
RIGHT_GIFT = re.compile(r"\{#\s*=(-?\d+(?:\.\d+)?):(\d+(?:\.\d+)?)#")


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def tolerance(value):
    decimals = len(value.split(".")[1]) if "." in value else 0
    return "%.*f" % (decimals + 1, 0.5 * 10 ** -decimals)


def main():
    nntrace, home = sys.argv[1], sys.argv[2]
    out = os.path.join(tempfile.mkdtemp(prefix="nntrace-variants-quiz-"), "hw")
    subprocess.run([nntrace, "variants", os.path.join(home, "examples/exercise-7-random.toml"),
                    "--roster", os.path.join(home, "examples/roster.csv"), "--seed", "2026", "--out", out],
                   check=True, stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "key.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    answers, key = rows[0][ROSTER_COLUMNS:], {row[0]: row[ROSTER_COLUMNS:] for row in rows[1:]}

    cloze = [q for q in ET.parse(os.path.join(out, "moodle.xml")).getroot().findall("question")
             if q.get("type") == "cloze"]
    if sorted(q.findtext("idnumber") for q in cloze) != sorted(key):
        fail("the Cloze questions are not one per student")
    for q in cloze:
        student = q.findtext("idnumber")
        blanks = RIGHT_BLANK.findall(q.find("questiontext/text").text)
        if [value for value, _ in blanks] != key[student]:
            fail("%s: the blanks' right answers %s, the key %s" % (student, blanks, key[student]))
        for value, tol in blanks:
            if tol != tolerance(value):
                fail("%s: tolerance %s for %s" % (student, tol, value))

    with open(os.path.join(out, "quiz.gift"), encoding="utf-8") as f:
        questions = [q for q in f.read().split("\n\n") if q.startswith("::")]
    if len(questions) != len(key) * len(answers):
        fail("%d GIFT questions for %d students and %d answers" % (len(questions), len(key), len(answers)))
    for q in questions:
        name = q[2:q.index("::", 2)]
        student = re.search(r"\(([^()]*)\) – ", name).group(1)
        answer = name.rsplit(" – ", 1)[1]
        right = RIGHT_GIFT.search(q)
        if not right or right.group(1) != key[student][answers.index(answer)] or right.group(2) != tolerance(right.group(1)):
            fail("%s: the GIFT question's right answer does not match the key" % name)
    print("ok: %d students, %d answers each, in moodle.xml and quiz.gift as in key.csv" % (len(key), len(answers)))


main()
