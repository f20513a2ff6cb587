#!/bin/bash
# Declarations are hostile: every text a page shows is escaped, whatever
# field it comes from (a name, a domain, a key, a folder's name), so the
# site holds no markup a platform wrote; and a field a plugin adds later is
# shown without a change to the site.
. "$(dirname "$0")/lib.sh"
example_registry
E=platforms/entraide-sante
perl -0pi -e 's/name: Entraide Santé\n/name: "<script>alert(\\"x\\")<\/script> O'"'"'Brien & \\"Co\\""\n/' "$REG/$E/registration.yaml"
perl -0pi -e 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, "\\"><img src=x onerror=alert(1)>"]/' \
	"$REG/$E/registration.yaml"
printf 'new_field_<i>: {nested: "</td></tr></table><script>bad()</script>"}\n' >>"$REG/$E/transparency.yaml"
cp -R "$REG/$E" "$REG/platforms/evil<b>x"
git -C "$REG" add -A && git -C "$REG" commit -q -m '<script>commit()</script>'
site "$TMP/site"
expect_rc 1 "a hostile registry: a site, exit 1"
grep -q 'name: <script>' "$REG/$E/registration.yaml" || grep -q '"<script>' "$REG/$E/registration.yaml"
ok $? "the name does hold <script> in the declaration"
is "$(grep -rlE --include='*.html' '<(script|img|b|i)[ >]' "$TMP/site" | wc -l)" 0 "no page holds a tag a declaration wrote"
grep -q '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot;' "$TMP/site/index.html"
ok $? "index.html: the name shown as text, quotes and ampersand escaped"
grep -q '&lt;script&gt;alert' "$TMP/site/services/entraide-sante.html"
ok $? "the service page: the name shown as text"
grep -q 'new_field_&lt;i&gt;' "$TMP/site/services/entraide-sante.html"
ok $? "a field the site does not know is shown, escaped, under other declared fields"
grep -q '&lt;script&gt;commit()' "$TMP/site/services/entraide-sante.html"
ok $? "a commit's subject is escaped"
page=$(python3 -c 'import json,sys; print([p["page"] for p in json.load(open(sys.argv[1]))["platforms"] if p["id"]=="evil<b>x"][0])' \
	"$TMP/site/register.json")
case $page in services/_*.html) ok 0 "a folder named evil<b>x gets a page named by its digest" ;;
*) ok 1 "a folder named evil<b>x gets a page named by its digest (got $page)" ;; esac
[ -f "$TMP/site/$page" ]; ok $? "that page is written"
if has_tidy; then
	for f in index.html stats.html services/entraide-sante.html "$page"; do tidy_clean "$TMP/site/$f" "hostile $f"; done
else
	for f in 1 2 3 4; do ok 0 "# SKIP tidy is not installed"; done
fi
grep -q "^\"entraide-sante\",\"<script>" "$TMP/site/register.csv"
ok $? "register.csv: the name as it is, quoted"

# Aliases repeat a text without counting its length against the node
# limit: 13 doublings of a 900 KB text would be 7 GB of HTML. A page shows
# 16 MiB of declared text at most, then "…".
example_registry
python3 - "$REG/platforms/entraide-sante/transparency.yaml" <<'PY'
import sys
with open(sys.argv[1], "a") as f:
    f.write('bomb0: &b0 "' + "x" * 900000 + '"\n')
    for i in range(1, 14):
        f.write("bomb%d: &b%d [*b%d, *b%d]\n" % (i, i, i - 1, i - 1))
PY
git -C "$REG" commit -q -am "an alias bomb of text"
site "$TMP/site"
expect_rc 1 "an alias bomb of text: the site is written"
size=$(wc -c <"$TMP/site/services/entraide-sante.html")
[ "$size" -gt $((8 << 20)) ] && [ "$size" -lt $((24 << 20)) ] && grep -q '…' "$TMP/site/services/entraide-sante.html"
ok $? "an alias bomb of text: the page stops at 16 MiB of text ($size bytes)"
done_testing
