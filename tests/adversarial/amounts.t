#!/bin/bash
# Amounts are exact to the cent: more than two decimals, or more cents than
# a 64-bit integer holds, is core.type at its line, in every field of money
# (funding, links of interest, prices, the volunteer indemnity); sums of
# large amounts keep their cents, and a sum past 64 bits is said, not
# wrapped.
. "$(dirname "$0")/../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
T=transparency.yaml
P=platforms/entraide-sante

breaks "a funding amount of 32 digits" $T 's/kind: revenue, amount_eur: 210000/kind: revenue, amount_eur: 99999999999999999999999999999999/' core.type 6
expect_grep - "^$P/$T:6:[0-9]*: error: core.type: .*expected an amount exact to the cent" "the 32-digit amount: core.type says what an amount is"
breaks "a funding amount with three decimals" $T 's/kind: revenue, amount_eur: 210000/kind: revenue, amount_eur: 210000.001/' core.type 6
breaks "a link of 92233720368547758.08 EUR (one cent past 64 bits)" $T 's/sponsorship, amount_eur: 15000/sponsorship, amount_eur: 92233720368547758.08/' core.type 11
passes "a link of 92233720368547758.07 EUR (the largest amount)" $T 's/sponsorship, amount_eur: 15000/sponsorship, amount_eur: 92233720368547758.07/' core.type
breaks "a price with three decimals" $T 's/price_eur: ([0-9]+)/price_eur: $1.005/' core.type 21
breaks "an hourly indemnity with three decimals" $T 's/(volunteer_indemnity_eur_per_hour: [0-9]+)/$1.125/' core.type 18
passes "amounts with one or two decimals" $T 's/kind: revenue, amount_eur: 210000/kind: revenue, amount_eur: 210000.5/; s/price_eur: ([0-9]+)/price_eur: $1.99/' core.type

# Large amounts keep their cents: 2^53 cents and more are past a double's
# exact integers, and one cent short of the funding is still short.
breaks "a link one cent short of 90 071 992 547 409.93 EUR" $T 's/kind: industry, amount_eur: 15000/kind: industry, amount_eur: 90071992547409.93/; s/sponsorship, amount_eur: 15000/sponsorship, amount_eur: 90071992547409.92/' transparency.industry-links 7
expect_grep - "paid 90071992547409.93 EUR of industry funding but links of interest are declared for 90071992547409.92 EUR" "the message gives both sums to the cent"
passes "the same links, to the cent" $T 's/kind: industry, amount_eur: 15000/kind: industry, amount_eur: 90071992547409.93/; s/sponsorship, amount_eur: 15000/sponsorship, amount_eur: 90071992547409.93/' transparency.industry-links
breaks "two fundings adding up past 64 bits of cents" $T 's/(  - \{year: 2025, source: Laboratoire Exemple SA, kind: industry, amount_eur: )15000\}/${1}92233720368547758.07}\n${1}1}/' transparency.industry-links 7
expect_grep - "the amounts declared add up to more than 92233720368547758.07 EUR, which cannot be compared exactly" "a sum past 64 bits is said"
breaks "a negative link of -5.5 EUR" $T 's/(industry_links:\n)/$1  - {company: Autre Labo, nature: benefit, amount_eur: -5.5, date: 2025-01-02}\n/' transparency.industry-links 11
expect_grep - "a negative amount (-5.5 EUR)" "the negative amount is printed as declared"
done_testing
