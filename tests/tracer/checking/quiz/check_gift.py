"""A grammar check of the GIFT quiz: questions separated by blank lines, each
`::name::[html]text{#=value:tolerance#feedback =%0%value:tolerance#feedback ...}` with every
~ = # { } : outside that syntax escaped by a backslash; each right answer and tolerance as in
the key, one question per answer of each variant."""
import os
import re
import sys

from quiz_key import fail, sample, split_unescaped, tolerance, unescape

SPECIAL = "~=#{}:"
ENTRY = re.compile(r"^=(?:%(\d+)%)?(-?\d+(?:\.\d+)?):(\d+(?:\.\d+)?)(?:#(.*))?$", re.S)


def plain(text, where):
    """Text where every GIFT special character is escaped."""
    parts, kinds = split_unescaped(text, SPECIAL)
    if kinds:
        fail("%s: unescaped %r in %r" % (where, kinds[0], text))
    if re.search(r"\\$", text.replace("\\\\", "")):
        fail("%s: a dangling backslash in %r" % (where, text))


def question_parts(block, where):
    """name, text, answer block of `::name::[html]text{answers}`."""
    if not block.startswith("::"):
        fail("%s: no ::name::" % where)
    name_parts, _ = split_unescaped(block[2:], ":")
    if len(name_parts) < 3 or name_parts[1] != "":
        fail("%s: the name is not closed by ::" % where)
    name = name_parts[0]
    rest = block[2 + len(name) + 2:]
    if not rest.startswith("[html]"):
        fail("%s: no [html] format" % where)
    rest = rest[len("[html]"):]
    parts, kinds = split_unescaped(rest, "{}")
    if kinds != ["{", "}"] or parts[2].strip():
        fail("%s: not one {answers} block at the end: %r" % (where, kinds))
    plain(name, where + " name")
    plain(parts[0], where + " text")
    return unescape(name), parts[0], parts[1]


def check_answers(answers, row, where):
    if not answers.startswith("#"):
        fail("%s: a numerical block starts with #" % where)
    entries, kinds = split_unescaped(answers[1:], "=")
    if entries[0].strip() or set(kinds) != {"="}:
        fail("%s: entries must each start with =" % where)
    for i, entry in enumerate(entries[1:]):
        value_part, hashes = split_unescaped(entry.strip(), "#")
        body = "=" + value_part[0] + ("#" + value_part[1] if len(value_part) > 1 else "")
        if len(value_part) > 2:
            fail("%s: two # in one entry" % where)
        m = ENTRY.match(body)
        if not m:
            fail("%s: entry %r is not =[%%n%%]value:tolerance[#feedback]" % (where, entry))
        if m.group(3) != tolerance(int(row["decimals"])):
            fail("%s: tolerance %s" % (where, m.group(3)))
        if i == 0 and (m.group(1) is not None or m.group(2) != row["value"]):
            fail("%s: the first entry is not the key's %s: %r" % (where, row["value"], entry))
        if i > 0 and (m.group(1) != "0" or m.group(2) == row["value"] or not m.group(4)):
            fail("%s: a wrong answer is not =%%0%%value:tolerance#feedback: %r" % (where, entry))
        if m.group(4):
            plain(m.group(4), where + " feedback")
    return len(entries) - 2


def main():
    folder, key = sample(sys.argv)
    with open(os.path.join(folder, "quiz.gift"), encoding="utf-8") as f:
        text = f.read()
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]
    if not blocks or not blocks[0].startswith("$CATEGORY: "):
        fail("no $CATEGORY line first")
    questions = blocks[1:]
    rows = [row for question in key for row in question]
    if len(questions) != len(rows):
        fail("%d questions for %d answers" % (len(questions), len(rows)))
    slips = 0
    names = []
    for number, (block, row) in enumerate(zip(questions, rows), 1):
        where = "question %d (%s)" % (number, row["answer"])
        name, _, answers = question_parts(block, where)
        if not name.endswith(" – " + row["answer"]):
            fail("%s: named %r" % (where, name))
        names.append(name)
        slips += check_answers(answers, row, where)
    if not any("Chen, &quot;Li&quot; {#~=:}" in n for n in names) or any("<script>" in n for n in names):
        fail("a name with GIFT characters did not survive escaping")
    if slips == 0:
        fail("no wrong answer in any question")
    print("ok: %d questions, %d wrong answers" % (len(questions), slips))


main()
