# project.py: the verdicts and findings of a `check --format json` report on
# stdin, one line each, without the messages' wording (which other changes,
# such as translations, may improve without changing a verdict).
import json, sys
d = json.load(sys.stdin)
for p in d["platforms"]:
    by = p.get("valid_until_set_by") or {}
    print(p["id"], p["verdict"], p.get("valid_until"), by.get("rule"), "%s:%s" % (by.get("file"), by.get("line")))
    for f in p["findings"]:
        print("  ", f["severity"], f["rule"], "%s:%s:%s" % (f["file"], f["line"], f["column"]))
