#!/usr/bin/env python3
"""Check the hash chains of a Negotiation Ledger export, with nothing but Python's standard library.

Written from docs/integrity.md alone. Usage:

    python3 verify-export.py [--json] EXPORT       (EXPORT may be - for standard input)

Prints one line per negotiation (with --json, the JSON lines GET /api/verify answers), then a
summary. Exits 0 when every chain is intact and the trailer agrees, 1 when not, 2 when the file
is no export or the arguments are wrong.
"""
import hashlib
import json
import re
import sys
from decimal import Decimal

GENESIS = "0" * 64
HASH = re.compile(r"[0-9a-f]{64}")
STORED_TYPE_PREFIX = "org.negotiationledger.core.api."
INSTANT = re.compile(r"(\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z")
SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


class NotAnExport(Exception):
    pass


def canonical(value, upper_hex=False):
    """RFC 8785 with exact numbers; upper-case \\u digits for the first form."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return string(value, upper_hex)
    if isinstance(value, (int, Decimal)):
        return number(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item, upper_hex) for item in value) + "]"
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode("utf-16-be"))
        return "{" + ",".join(string(name, upper_hex) + ":" + canonical(value[name], upper_hex)
                              for name in names) + "}"
    raise TypeError("not a JSON value: %r" % (value,))


def string(text, upper_hex):
    out = []
    for char in text:
        if char in SHORT_ESCAPES:
            out.append(SHORT_ESCAPES[char])
        elif ord(char) < 0x20:
            out.append(("\\u%04X" if upper_hex else "\\u%04x") % ord(char))
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def number(value):
    exact = Decimal(value)
    if exact == 0:
        return "0"
    text = format(exact, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def instant_text(recorded_at):
    """The recording time as Java's Instant.toString() writes it (first form)."""
    match = INSTANT.fullmatch(recorded_at)
    if not match:
        raise ValueError("the recording time %r is no UTC time" % recorded_at)
    fraction = (match.group(2) or "").ljust(9, "0")
    if int(fraction) == 0:
        return match.group(1) + "Z"
    for digits in (3, 6, 9):
        if fraction[digits:].strip("0") == "":
            return match.group(1) + "." + fraction[:digits] + "Z"


def sealed_text(line, sequence, previous):
    """The canonical text T of an exported event, at the given sequence, chained to previous."""
    metadata = {name: value for name, value in (line.get("metadata") or {}).items()
                if name not in ("hash", "previousHash")}
    form = metadata.get("hashForm")
    if form == "jcs":
        return canonical({
            "event": line["eventId"], "metadata": metadata, "negotiation": line["negotiationId"],
            "payload": line["payload"], "previous": previous, "recordedAt": line["recordedAt"],
            "revision": line["revision"], "sequence": sequence, "type": line["type"]})
    if form is not None:
        raise ValueError("the event names the hash form %s, which is not a form of the ledger" % json.dumps(form))
    first_form = line.get("firstForm")
    if not isinstance(first_form, dict) or "effectiveOn" not in first_form:
        raise ValueError("the export does not give the date this first-form event takes effect: its payload "
                         "cannot be read as an event, or an older release wrote the export (export it again)")
    revision = line["revision"]
    effective_on = first_form["effectiveOn"]
    return "".join(name + "=" + text + "\n" for name, text in (
        ("negotiation", line["negotiationId"]),
        ("sequence", str(sequence)),
        ("event", line["eventId"]),
        ("type", STORED_TYPE_PREFIX + line["type"]),
        ("revision", "null" if revision is None else revision),
        ("effectiveOn", "null" if effective_on is None else effective_on),
        ("recordedAt", instant_text(line["recordedAt"])),
        ("metadata", canonical(metadata, upper_hex=True)),
        ("payload", canonical(line["payload"], upper_hex=True)),
        ("previous", previous)))


def seal(line, sequence, previous):
    return hashlib.sha256(sealed_text(line, sequence, previous).encode("utf-8")).hexdigest()


def broken(line, problem, detail, sequence=None):
    return {"sequence": line["sequence"] if line else sequence, "eventId": line["eventId"] if line else None,
            "position": line["position"] if line else None, "problem": problem, "detail": detail}


def verify(negotiation_id, lines):
    """Walks one negotiation's events in sequence order, as docs/integrity.md says; the first break ends it."""
    lines = sorted(lines, key=lambda line: line["sequence"])
    previous, expected, events, first_broken = GENESIS, 0, 0, None
    for line in lines:
        events += 1
        if line["sequence"] != expected:
            first_broken = broken(None, "EVENT_MISSING", "the event at sequence %d is missing; the next event in the "
                                  "export has sequence %d" % (expected, line["sequence"]), expected)
            break
        metadata = line.get("metadata") or {}
        stored, stored_previous = metadata.get("hash"), metadata.get("previousHash")
        if not isinstance(stored, str) or not isinstance(stored_previous, str):
            first_broken = broken(line, "UNSEALED", "the event carries no hash")
            break
        try:
            if seal(line, line["sequence"], stored_previous) != stored:
                moved_from = [other for other in range(len(lines)) if other != line["sequence"]
                              and seal(line, other, stored_previous) == stored]
                first_broken = broken(line, "ORDER_CHANGED", "the event recorded at sequence %d is stored at sequence "
                                      "%d" % (moved_from[0], line["sequence"])) if moved_from else broken(
                    line, "CONTENT_CHANGED", "the content no longer matches the hash it was recorded with")
                break
        except (ValueError, KeyError, TypeError) as unreadable:
            first_broken = broken(line, "CONTENT_CHANGED", str(unreadable))
            break
        if stored_previous != previous:
            first_broken = broken(line, "ORDER_CHANGED", "the event is intact but was not recorded after the event "
                                  "now before it")
            break
        previous = stored
        expected += 1
    intact = first_broken is None
    return {"negotiationId": negotiation_id, "intact": intact, "events": events,
            "headSequence": expected - 1 if intact else None, "headHash": previous if intact else None,
            "firstBroken": first_broken}


def read_export(stream):
    """The events by negotiation (in export order), the trailer, and the digest of the lines before it."""
    negotiations, trailer, digest = {}, None, hashlib.sha256()
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        if trailer is not None:
            raise NotAnExport("line %d comes after the trailer, which ends an export" % number)
        try:
            line = json.loads(raw.decode("utf-8"), parse_float=Decimal)
        except (UnicodeDecodeError, ValueError):
            raise NotAnExport("line %d is not JSON in UTF-8" % number)
        if not isinstance(line, dict):
            raise NotAnExport("line %d is not an exported event" % number)
        if "trailer" in line:
            trailer = line["trailer"]
            continue
        missing = [name for name in ("position", "negotiationId", "sequence", "eventId", "type", "revision",
                                     "recordedAt", "payload") if name not in line]
        if missing or not isinstance(line["sequence"], int):
            raise NotAnExport("line %d is not an exported event (it lacks %s)" % (number, ", ".join(missing)
                                                                                   or "a whole sequence number"))
        digest.update(raw if raw.endswith(b"\n") else raw + b"\n")
        negotiations.setdefault(line["negotiationId"], []).append(line)
    return negotiations, trailer, digest.hexdigest()


def trailer_problems(trailer, negotiations, digest, verifications):
    if not isinstance(trailer, dict):
        return ["the export ends without its trailer: it was cut short"]
    problems = []
    if trailer.get("digest") != digest:
        problems.append("the lines are not those the trailer's digest was taken of")
    held = sum(len(lines) for lines in negotiations.values())
    if trailer.get("events") != held:
        problems.append("the export holds %d events; its trailer says %s" % (held, trailer.get("events")))
    said = trailer.get("negotiations") or {}
    for negotiation_id in sorted(set(said) | set(negotiations)):
        count = len(negotiations.get(negotiation_id, []))
        expected = said.get(negotiation_id) or {}
        if expected.get("events") != count:
            problems.append("the export holds %d events of negotiation '%s'; its trailer says %s"
                            % (count, negotiation_id, expected.get("events", 0)))
        verification = verifications.get(negotiation_id)
        if verification and verification["intact"] and expected.get("headHash") != verification["headHash"]:
            problems.append("negotiation '%s' ends at another event than the trailer says" % negotiation_id)
    return problems


def main(arguments):
    as_json = "--json" in arguments
    paths = [argument for argument in arguments if argument != "--json"]
    if len(paths) != 1 or (paths[0].startswith("-") and paths[0] != "-"):
        sys.stderr.write("usage: verify-export.py [--json] EXPORT   (EXPORT may be - for standard input)\n")
        return 2
    try:
        if paths[0] == "-":
            negotiations, trailer, digest = read_export(sys.stdin.buffer)
        else:
            with open(paths[0], "rb") as export:
                negotiations, trailer, digest = read_export(export)
    except (OSError, NotAnExport) as problem:
        sys.stderr.write("verify-export: %s\n" % problem)
        return 2
    verifications = {negotiation_id: verify(negotiation_id, negotiations[negotiation_id])
                     for negotiation_id in sorted(negotiations)}
    problems = trailer_problems(trailer, negotiations, digest, verifications)
    intact = sum(1 for verification in verifications.values() if verification["intact"])
    summary = {"negotiations": len(verifications), "intact": intact, "broken": len(verifications) - intact,
               "trailer": problems[0] if problems else "agrees"}
    for verification in verifications.values():
        if as_json:
            print(json.dumps(verification, ensure_ascii=False))
        elif verification["intact"]:
            print("%s: intact, %d events, head %s" % (verification["negotiationId"], verification["events"],
                                                       verification["headHash"]))
        else:
            first = verification["firstBroken"]
            print("%s: BROKEN at sequence %d (event %s, position %s): %s: %s" % (
                verification["negotiationId"], first["sequence"], first["eventId"], first["position"],
                first["problem"].lower().replace("_", " "), first["detail"]))
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print("%d negotiations, %d intact, %d broken; trailer: %s" % (
            summary["negotiations"], summary["intact"], summary["broken"], "; ".join(problems) or "agrees"))
    return 0 if summary["broken"] == 0 and not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
