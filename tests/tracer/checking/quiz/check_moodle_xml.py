"""The Moodle XML quiz parses as XML, holds one Cloze question per variant, and each NUMERICAL
blank's right answer and tolerance are those of the key; every other answer is worth 0 %."""
import os
import re
import sys
import xml.etree.ElementTree as ET

from quiz_key import fail, sample, split_unescaped, tolerance, unescape

# A blank: {weight:NUMERICAL:answers}, where an escaped } does not end it.
BLANK = re.compile(r"\{(\d+):NUMERICAL:((?:\\.|[^\\}])*)\}")
ANSWER = re.compile(r"^(=|%(\d+)%)(-?\d+(?:\.\d+)?):(\d+(?:\.\d+)?)(?:#(.*))?$", re.S)


def check_blank(body, row, where):
    answers, _ = split_unescaped(body, "~")
    first = ANSWER.match(answers[0])
    if not first or first.group(1) != "=":
        fail("%s: the first answer is not the right one: %r" % (where, answers[0]))
    if first.group(3) != row["value"] or float(first.group(3)) != float(row["value"]):
        fail("%s: right answer %s, the key says %s" % (where, first.group(3), row["value"]))
    if first.group(4) != tolerance(int(row["decimals"])):
        fail("%s: tolerance %s" % (where, first.group(4)))
    for wrong in answers[1:]:
        m = ANSWER.match(wrong)
        if not m or m.group(2) != "0" or m.group(4) != first.group(4) or not m.group(5):
            fail("%s: a wrong answer is not '%%0%%value:tolerance#feedback': %r" % (where, wrong))
        if m.group(3) == row["value"]:
            fail("%s: a wrong answer repeats the right one" % where)
        if re.search(r"(?<!\\)[}#~/\"]", m.group(5)) or "<" in unescape(m.group(5)):
            fail("%s: feedback with an unescaped character: %r" % (where, m.group(5)))
    return len(answers) - 1


def main():
    folder, key = sample(sys.argv)
    root = ET.parse(os.path.join(folder, "moodle.xml")).getroot()
    if root.tag != "quiz":
        fail("the root is <%s>, not <quiz>" % root.tag)
    cloze = [q for q in root.findall("question") if q.get("type") == "cloze"]
    if len(cloze) != len(key):
        fail("%d Cloze questions for %d variants" % (len(cloze), len(key)))
    slips = 0
    for number, (question, rows) in enumerate(zip(cloze, key), 1):
        text = question.find("questiontext/text").text
        blanks = BLANK.findall(text)
        if len(blanks) != len(rows):
            fail("question %d: %d blanks for %d answers" % (number, len(blanks), len(rows)))
        for (weight, body), row in zip(blanks, rows):
            slips += check_blank(body, row, "question %d, %s" % (number, row["answer"]))
    names = [q.find("name/text").text for q in cloze]
    if "Bo &lt;script&gt;alert(1)&lt;/script&gt;" not in names[1] or "<script>" in names[1]:
        fail("a hostile name did not survive the round trip: %r" % names[1])
    if "A ]]> in {braces}" not in cloze[1].find("questiontext/text").text:
        fail("the question HTML with ]]> did not survive the round trip")
    if slips == 0:
        fail("no wrong answer in any blank")
    print("ok: %d questions, %d blanks, %d wrong answers" % (len(cloze), sum(len(r) for r in key), slips))


main()
