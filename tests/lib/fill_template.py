# fill_template.py TEMPLATE EXAMPLE OUT...: what an author does with a template
# of `ppreg init`: every empty value filled and the optional keys that apply
# uncommented, here from EXAMPLE, a declaration that passes. A key of the
# template that EXAMPLE lacks is an error (exit 1): the template asked for
# something a passing platform does not give. Exit 77 without PyYAML.
import sys
try:
    import yaml
except ImportError:
    sys.exit(77)

class Loader(yaml.SafeLoader):
    pass

# As ppreg reads YAML: a date stays a string, and only true/false are
# booleans (YAML 1.1's yes/no/on/off are words, such as an answer "yes").
Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] not in ("tag:yaml.org,2002:timestamp",
                                                                    "tag:yaml.org,2002:bool")]
                                  for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                             list("tTfF"))

def fill(tpl, example, path):
    if isinstance(tpl, dict):
        if not isinstance(example, dict):
            sys.exit("%s: the template has a mapping, the example %r" % (path, example))
        out = {}
        for k, v in tpl.items():
            if k not in example:
                sys.exit("%s.%s: in the template, not in the passing example" % (path, k))
            out[k] = fill(v, example[k], "%s.%s" % (path, k))
        for k, v in example.items():
            out.setdefault(k, v)
        return out
    if isinstance(tpl, list):
        if not isinstance(example, list):
            sys.exit("%s: the template has a list, the example %r" % (path, example))
        return [fill(tpl[0], e, "%s[%d]" % (path, i)) for i, e in enumerate(example)]
    if tpl is None or tpl == example:
        return example
    sys.exit("%s: the template holds a value, %r, not an empty one" % (path, tpl))

args = sys.argv[1:]
for i in range(0, len(args) - 2, 3):  # several files in one call pay Python's start once
    tpl = yaml.load(open(args[i]), Loader=Loader)
    example = yaml.load(open(args[i + 1]), Loader=Loader)
    with open(args[i + 2], "w") as out:
        yaml.safe_dump(fill(tpl, example, args[i]), out, sort_keys=False, allow_unicode=True)
