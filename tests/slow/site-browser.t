#!/bin/bash
# The slow tier (PPREG_SLOW=1, scripts/test --slow): a real browser renders
# each page type of the example registry's site. Headless Chromium takes a
# screenshot of each, and what a text check cannot see is checked on the
# pixels: the page is not blank, the charts have their bars (the bar colour,
# SITE_BAR_COLOUR), a page is readable 320 px wide, and it prints.
. "$(dirname "$0")/../desk/lib.sh"
[ -n "${PPREG_SLOW:-}" ] || skip_all "the slow tier (PPREG_SLOW=1, scripts/test --slow)"
CHROMIUM=$(command -v chromium || command -v chromium-browser) || skip_all "chromium is not installed"
example_registry
site "$TMP/site"
expect_rc 1 "the example registry's site is written"
shot() { # shot PAGE PNG WIDTH HEIGHT
	# every compositor stage before the picture: without it the bottom of a
	# long page may be captured before it is painted
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$TMP/chromium" \
		--run-all-compositor-stages-before-draw --virtual-time-budget=5000 \
		--screenshot="$2" --window-size="$3,$4" "file://$TMP/site/$1" >/dev/null 2>&1
}
count() { python3 "$(dirname "$0")/pngcount.py" "$@"; }
for page in index.html stats.html services/pairs-invalides.html; do
	png=$TMP/$(basename "$page" .html).png
	shot "$page" "$png" 1280 900
	[ -s "$png" ]; ok $? "$page: a screenshot"
	set -- $(count "$png")
	[ "${3:-0}" -gt $((1280 * 900 / 50)) ]
	ok $? "$page: not blank (${3:-0} pixels that are not white)"
done
set -- $(count "$TMP/stats.png" 1f6fb2)
[ "${4:-0}" -gt 3000 ]
ok $? "stats.html: the charts have their bars (${4:-0} pixels of the bar colour)"
set -- $(count "$TMP/index.png" 1f6fb2)
is "${4:-0}" 0 "index.html has no bar: the colour count tells the charts apart"
shot index.html "$TMP/narrow.png" 320 900
set -- $(count "$TMP/narrow.png")
[ "${1:-0}" -eq 320 ] && [ "${3:-0}" -gt $((320 * 900 / 50)) ]
ok $? "index.html at 320 px: rendered, not blank"
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$TMP/chromium" --no-pdf-header-footer \
	--print-to-pdf="$TMP/index.pdf" "file://$TMP/site/index.html" >/dev/null 2>&1
head -c 5 "$TMP/index.pdf" 2>/dev/null | grep -q '%PDF-'
ok $? "index.html prints (a PDF)"
if [ -n "${PPREG_SCREENSHOTS:-}" ]; then # scripts/site-screenshots: the pictures of docs/
	cp "$TMP/index.png" "$TMP/stats.png" "$TMP/pairs-invalides.png" "$PPREG_SCREENSHOTS/"
fi
done_testing
