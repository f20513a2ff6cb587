# json_schema_check.py SCHEMA FILE... [-- SCHEMA FILE...]...: validates each
# FILE against the JSON Schema before it (itself checked against its
# metaschema) and prints one line per error, "FILE: /path: message"; exit 1
# when any. Several groups in one call pay Python's start once. A .yaml FILE is read
# as yaml-language-server reads it (YAML 1.2 core: a date stays a string),
# any other as JSON. Exit 77 when jsonschema (or PyYAML) is not installed.
import json, sys
try:
    import jsonschema
    import yaml
except ImportError as e:
    print("missing: %s" % e.name)
    sys.exit(77)

class Loader(yaml.SafeLoader):
    pass

Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
                                  for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

def check(schema_file, files):
    schema = json.load(open(schema_file))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    for f in files:
        doc = yaml.load(open(f), Loader=Loader) if f.endswith(".yaml") else json.load(open(f))
        for e in validator.iter_errors(doc):
            print("%s: /%s: %s" % (f, "/".join(map(str, e.absolute_path)), e.message))
            bad = 1
    return bad

groups, group = [], []
for a in sys.argv[1:] + ["--"]:
    if a == "--":
        groups.append(group)
        group = []
    else:
        group.append(a)
sys.exit(max(check(g[0], g[1:]) for g in groups if g))
