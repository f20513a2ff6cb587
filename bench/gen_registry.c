/*
 * gen_registry.c - writes a synthetic registry of N platforms into a new Git
 * repository, for the benchmark (scripts/bench) and for trying ppreg at scale.
 *
 * Each platform is a variant of registry/platforms/entraide-sante: the six
 * declaration files of policy 2026.2 (not the optional partnership.yaml)
 * and four evidence files whose digests match. Ids, names, SIREN/SIRET
 * (valid Luhn checksums), VAT keys, counts of partners, services, funding
 * lines and dates vary with a seeded generator, so a run is reproducible.
 * About --fault-percent of the platforms carry one fault (a bad SIRET, an
 * expired authorization, a tampered evidence digest, a missing file, a
 * duplicate key, ...); --manifest lists them with the rule each should
 * break.
 *
 * Speed: nothing goes through the index or the work tree. The program feeds
 * one stream to `git fast-import`: the evidence blobs once (a pool of
 * variants shared by all platforms, referenced by mark), then one commit
 * whose files are given inline. A second commit changes one platform, so
 * that `ppreg check --changed HEAD~1..HEAD` has something to judge
 * (docs/benchmark.md gives the time it takes).
 *
 * The pack: fast-import writes objects in the order it is given them, so
 * platforms in the order generated, while ppreg and the floor read them in
 * the order of their names. A registry that was cloned (what a CI job or a
 * regulator reads) or garbage-collected has the pack git pack-objects
 * writes, in the order a walk of the newest tree meets the objects, which
 * is the order ppreg reads them. So the program ends with `git repack -a
 * -d`, which gives that pack (the same bytes as a clone's) at a small
 * fraction of the generation's time; --import-order keeps fast-import's pack, the
 * worst case for reading through small pack windows (core/registry/registry.c).
 *
 * usage: gen_registry [-n N] [--seed S] [--fault-percent P]
 *                     [--evidence-variants V] [--no-change] [--import-order]
 *                     [--charter FILE] [--manifest FILE] DIR
 * DIR must not exist; it becomes a bare repository (branch main). FILE is
 * the official charter text the policy names (default
 * policies/charters/2026-1.md): charter.yaml carries its SHA-256.
 */
#include <errno.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- small helpers: errors, a growable buffer, a seeded generator ---- */

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("gen_registry: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

typedef struct {
	char *p;
	size_t len, cap;
} buf;

static void buf_reserve(buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p)
		die("out of memory");
	b->p = p;
	b->cap = cap;
}

__attribute__((format(printf, 2, 3)))
static void bprintf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("vsnprintf failed");
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static uint64_t rng_state;

/* xorshift64*: fast, seeded, the same stream on every machine. */
static uint64_t rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* A number in [lo, hi]. */
static long rnd(long lo, long hi)
{
	return lo + (long)(rng_next() % (uint64_t)(hi - lo + 1));
}

static const char *pick(const char *const *v, size_t n)
{
	return v[rng_next() % n];
}
#define PICK(v) pick(v, sizeof v / sizeof *v)

static void sha256_hex(const void *data, size_t len, char hex[65])
{
	unsigned char md[32];
	unsigned int n = 0;
	if (!EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) || n != 32)
		die("SHA-256 failed");
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
}

/* ---- identifiers and dates ---- */

/* The Luhn check digit that makes digits[0..n-1] + digit valid. */
static int luhn_digit(const char *digits, size_t n)
{
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		int d = digits[n - 1 - i] - '0';
		if (i % 2 == 0) { /* doubled: the check digit will be in position 0 */
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return (10 - sum % 10) % 10;
}

/* A SIREN (9 digits) and a SIRET of it (14 digits), both Luhn-valid;
 * never La Poste's 356000000, which follows another rule. */
static void make_siren_siret(char siren[10], char siret[15])
{
	do {
		siren[0] = (char)('1' + rnd(0, 8));
		for (int i = 1; i < 8; i++)
			siren[i] = (char)('0' + rnd(0, 9));
		siren[8] = (char)('0' + luhn_digit(siren, 8));
		siren[9] = '\0';
	} while (!strcmp(siren, "356000000"));
	memcpy(siret, siren, 9);
	siret[9] = '0';
	for (int i = 10; i < 13; i++)
		siret[i] = (char)('0' + rnd(0, 9));
	siret[13] = (char)('0' + luhn_digit(siret, 13));
	siret[14] = '\0';
}

static int vat_key(const char *siren)
{
	return (int)((12 + 3 * (strtoul(siren, NULL, 10) % 97)) % 97);
}

typedef struct {
	int y, m, d;
} date;

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static date date_of_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	date r;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

static long days_of_date(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* A random date between two day numbers, formatted YYYY-MM-DD into out. */
static const char *rnd_date(char out[11], long from, long to)
{
	date d = date_of_days(rnd(from, to));
	snprintf(out, 11, "%04d-%02d-%02d", d.y, d.m, d.d);
	return out;
}

/* ---- what varies from one platform to the next ---- */

enum fault {
	F_NONE, F_SIRET, F_EXPIRED, F_DIGEST, F_MISSING_FILE, F_DUP_KEY,
	F_PARTNER_TOTAL, F_RETENTION, F_MODULE_HOURS, F_CLAUSE, F_MISSING_EVIDENCE,
	F_COUNT
};

static const char *const fault_name[F_COUNT] = {
	"none", "bad-siret", "expired-authorization", "tampered-digest", "missing-file",
	"duplicate-key", "partner-total", "retention-too-long", "module-hours",
	"missing-clause", "missing-evidence"};
static const char *const fault_rule[F_COUNT] = {
	"", "registration.siret", "registration.authorization", "gdpr.evidence",
	"core.missing-file", "core.duplicate-key", "transparency.patient-partners",
	"gdpr.retention", "training.required-modules", "charter.clauses", "gdpr.evidence"};

#define MAX_PARTNERS 12
#define MAX_SERVICES 3

#define N_EVIDENCE 4

typedef struct {
	char id[64], name[96], domain[80];
	char siren[10], siret[15];
	int commercial;
	enum fault fault;
	int n_partners, n_withdrawn;
	char partners[MAX_PARTNERS][16];
	int n_services;
	int service_kind[MAX_SERVICES];
	int evidence[N_EVIDENCE]; /* variant of each evidence document */
	int host;
} platform;

static const char *const first_words[] = {"Entraide", "Pair-Aidance", "Ensemble", "Relais",
	"Horizon", "Alliance", "Passerelle", "Solidarité", "Côte à Côte", "Patients Partenaires"};
static const char *const first_slugs[] = {"entraide", "pair-aidance", "ensemble", "relais",
	"horizon", "alliance", "passerelle", "solidarite", "cote-a-cote", "patients-partenaires"};
static const char *const second_words[] = {"Santé", "Oncologie", "Diabète", "Cœur", "Rein",
	"Santé Mentale", "Douleur", "Maladies Rares", "Parcours", "Vie"};
static const char *const second_slugs[] = {"sante", "oncologie", "diabete", "coeur", "rein",
	"sante-mentale", "douleur", "maladies-rares", "parcours", "vie"};
static const char *const cities[] = {"Paris", "Lyon", "Marseille", "Toulouse", "Nantes",
	"Lille", "Bordeaux", "Rennes", "Strasbourg", "Montpellier", "Dijon", "Brest"};
static const char *const postcodes[] = {"75002", "69003", "13001", "31000", "44000",
	"59000", "33000", "35000", "67000", "34000", "21000", "29200"};
static const char *const streets[] = {"rue de la Paix", "avenue Jean Jaurès", "boulevard Pasteur",
	"place de la République", "rue Victor Hugo", "quai des Chartrons", "allée des Tilleuls"};
static const char *const people[] = {"Claire Martin", "Jean Dupont", "Amina Benali", "Luc Moreau",
	"Sophie Bernard", "Karim Haddad", "Marie Leroy", "Paul Girard", "Nadia Rousseau"};
static const char *const universities[] = {"Université Exemple", "Université de Lyon Exemple",
	"Université Côte Exemple", "Sorbonne Exemple"};

typedef struct {
	const char *id, *domain, *description, *payer, *unit;
} service_kind;

static const service_kind services[] = {
	{"accompagnement-oncologie", "care-pathways", "Peer support for people treated for cancer, with partner hospitals.", "establishment", NULL},
	{"interventions-ifsi", "education", "Co-taught sessions in nursing schools.", "school", "hour"},
	{"education-therapeutique", "care-offer", "Therapeutic education workshops co-led with care teams.", "establishment", "session"},
	{"co-recherche", "research", "Patient partners in the steering of clinical studies.", "sponsor", "day"},
	{"accueil-diagnostic", "care-pathways", "Listening and orientation after a diagnosis.", "establishment", NULL},
};
#define N_SERVICE_KINDS (sizeof services / sizeof *services)

typedef struct {
	const char *id, *name, *number, *certifier;
} host;

static const host hosts[] = {
	{"hebergeur-exemple", "Hébergeur Exemple SAS", "HDS-2025-0815", "Organisme Certificateur Exemple"},
	{"nuage-sante", "Nuage Santé SA", "HDS-2024-1202", "Certif Santé Exemple"},
	{"datacentre-ouest", "Datacentre Ouest SAS", "HDS-2025-0311", "Organisme Certificateur Exemple"},
	{"hebergement-sud", "Hébergement Sud SARL", "HDS-2026-0107", "Audit HDS Exemple"},
};
#define N_HOSTS (sizeof hosts / sizeof *hosts)

/* The evidence documents, each in `n_variants` versions. */
static const char *const evidence_names[N_EVIDENCE] = {"aipd-2026.pdf", "contrat-art28-hebergeur.pdf",
	"procedure-violation.pdf", "procedure-alerte.pdf"};
typedef struct {
	int n_variants;
	char (*sha)[N_EVIDENCE][65]; /* [variant][document] */
	unsigned first_mark;   /* mark of variant 0, document 0 */
} evidence_pool;

static unsigned evidence_mark(const evidence_pool *ev, int variant, int doc)
{
	return ev->first_mark + (unsigned)(variant * N_EVIDENCE + doc);
}

/* ---- the declaration files ---- */

static void gen_registration(buf *b, const platform *p)
{
	char d1[11], d2[11];
	int digital = p->commercial || rnd(0, 2) > 0;
	bprintf(b, "format: ppreg/1\nplatform:\n  id: %s\n  name: %s\n  kind: %s\n", p->id, p->name,
	        p->commercial ? "commercial" : "non-commercial");
	bprintf(b, "  channels: [%s]\n", digital ? (rnd(0, 1) ? "digital, physical" : "digital") : "physical");
	if (digital)
		bprintf(b, "  website: https://%s\n", p->domain);
	bprintf(b, "legal_entity:\n  name: %s%s\n  form: %s\n", p->name, p->commercial ? " SAS" : "",
	        p->commercial ? "SAS" : "association-1901");
	if (!p->commercial)
		bprintf(b, "  rna: W%09ld\n", rnd(100000000, 999999999));
	char siret[15];
	memcpy(siret, p->siret, sizeof siret);
	if (p->fault == F_SIRET)
		siret[13] = (char)('0' + (siret[13] - '0' + 1) % 10);
	bprintf(b, "  siren: \"%s\"\n  siret: \"%s\"\n", p->siren, siret);
	if (p->commercial)
		bprintf(b, "  vat: FR%02d%s\n", vat_key(p->siren), p->siren);
	long city = rnd(0, (long)(sizeof cities / sizeof *cities) - 1);
	bprintf(b, "  address: {street: %ld %s, postal_code: \"%s\", city: %s, country: FR}\n",
	        rnd(1, 120), PICK(streets), postcodes[city], cities[city]);
	bprintf(b, "  legal_representative: {name: %s, role: %s}\n", PICK(people),
	        p->commercial ? "Présidente" : "Président de l'association");
	bprintf(b, "contact: {email: contact@%s}\n", p->domain);
	if (p->fault == F_DUP_KEY)
		bprintf(b, "contact: {email: accueil@%s}\n", p->domain);
	/* domains: the set the services use, in a fixed order */
	static const char *const all_domains[] = {"care-pathways", "care-offer", "education", "research"};
	bprintf(b, "domains: [");
	int first = 1;
	for (size_t k = 0; k < 4; k++) {
		int used = 0;
		for (int i = 0; i < p->n_services; i++)
			used |= !strcmp(services[p->service_kind[i]].domain, all_domains[k]);
		if (used) {
			bprintf(b, "%s%s", first ? "" : ", ", all_domains[k]);
			first = 0;
		}
	}
	bprintf(b, "]\nservices:\n");
	for (int i = 0; i < p->n_services; i++) {
		const service_kind *s = &services[p->service_kind[i]];
		bprintf(b, "  - id: %s\n    domain: %s\n    description: %s\n", s->id, s->domain, s->description);
	}
	long granted = days_of_date(2026, 1, 15) + rnd(0, 300);
	long expires = p->fault == F_EXPIRED ? days_of_date(2026, 11, 22) - rnd(0, 60)
	                                     : granted + 365 * 3 - rnd(0, 30);
	bprintf(b, "authorization: {status: granted, number: \"DGS-PP-2026-%04ld\", granted_on: %s, expires_on: %s}\n",
	        rnd(1, 9999), rnd_date(d1, granted, granted), rnd_date(d2, expires, expires));
}

static void gen_transparency(buf *b, const platform *p)
{
	bprintf(b, "format: ppreg/1\n");
	if (p->commercial) {
		long a = rnd(30, 90);
		bprintf(b, "ownership:\n  - {holder: %s, kind: natural-person, share_percent: %ld}\n", PICK(people), a);
		bprintf(b, "  - {holder: Fonds Impact Santé, kind: fund, share_percent: %ld}\n", 100 - a);
	} else {
		bprintf(b, "ownership: []\n");
	}
	long industry = rng_next() % 3 == 0 ? rnd(500, 40000) : 0;
	bprintf(b, "funding:\n");
	for (int year = 2025; year >= 2023; year--) {
		bprintf(b, "  - {year: %d, source: Service revenue, kind: revenue, amount_eur: %ld}\n", year,
		        rnd(20, 400) * 1000);
		if (year == 2025 && industry)
			bprintf(b, "  - {year: 2025, source: Laboratoire Exemple SA, kind: industry, amount_eur: %ld}\n", industry);
		if (rng_next() % 2)
			bprintf(b, "  - {year: %d, source: BPI France, kind: public-grant, amount_eur: %ld}\n", year,
			        rnd(5, 60) * 1000);
	}
	if (industry)
		bprintf(b, "industry_links:\n  - {company: Laboratoire Exemple SA, nature: sponsorship, amount_eur: %ld, date: 2025-03-14,\n"
		           "     purpose: Sponsoring of a training day}\n", industry);
	else
		bprintf(b, "industry_links: []\n");
	bprintf(b, "public_backers:\n  - {name: %s, kind: university, support: Co-design of the training course}\n",
	        PICK(universities));
	int active = p->n_partners - p->n_withdrawn;
	/* charter.yaml gives the same statuses (gen_charter) */
	int salaried = active / 2, volunteer = active - salaried;
	bprintf(b, "patient_partners:\n  total: %d\n", p->fault == F_PARTNER_TOTAL ? active + 1 : active);
	bprintf(b, "  by_status: {salaried: %d, volunteer: %d, benevolent: 0}\n",
	        p->fault == F_PARTNER_TOTAL ? salaried + 1 : salaried, volunteer);
	if (volunteer)
		bprintf(b, "  volunteer_indemnity_eur_per_hour: %ld\n  max_indemnified_hours_per_year: %ld\n",
		        rnd(10, 25), rnd(10, 40) * 10);
	bprintf(b, "pricing:\n");
	for (int i = 0; i < p->n_services; i++) {
		const service_kind *s = &services[p->service_kind[i]];
		if (s->unit)
			bprintf(b, "  - {service: %s, price_eur: %ld, payer: %s, unit: %s}\n", s->id, rnd(30, 400), s->payer, s->unit);
		else
			bprintf(b, "  - {service: %s, price_eur: 0, payer: %s, note: Funded by partner hospitals}\n", s->id, s->payer);
	}
	bprintf(b, "regulated_acts: false\n"
	           "alert_channel: {shown_at: https://%s/alerte, authority: Ministère chargé de la santé}\n"
	           "advertising: {accepted: false}\n", p->domain);
	/* fr-model 2026.2: travel expenses (L.1191-3), partners' own interests */
	bprintf(b, "travel_expenses: {basis: decret-2006-781, covers: [travel, stay]}\npartner_interests:\n");
	for (int i = 0; i < p->n_partners; i++)
		bprintf(b, "  - {partner: %s, links: []}\n", p->partners[i]);
}

static void gen_gdpr(buf *b, const platform *p, const evidence_pool *ev)
{
	char d1[11], d2[11];
	const host *h = &hosts[p->host];
	char sha[3][65];
	for (int k = 0; k < 3; k++)
		memcpy(sha[k], ev->sha[p->evidence[k]][k], 65);
	if (p->fault == F_DIGEST) /* one hex digit changed: still well formed */
		sha[0][5] = sha[0][5] == '0' ? '1' : '0';
	bprintf(b, "format: ppreg/1\ncontroller: {name: %s%s, siren: \"%s\"}\n", p->name,
	        p->commercial ? " SAS" : "", p->siren);
	bprintf(b, "dpo: {name: DPO Conseil SARL, email: dpo@%s, designation_reference: \"DPO-%06ld\"}\n",
	        p->domain, rnd(1, 999999));
	bprintf(b, "processing_activities:\n  - id: matching\n"
	           "    purposes: [Match patients with trained patient partners]\n"
	           "    legal_basis: consent\n"
	           "    special_categories: {health: true, condition: explicit-consent}\n"
	           "    data_categories: [identity, contact, health]\n"
	           "    data_subjects: [patients, patient-partners]\n"
	           "    recipients: [partner establishments]\n"
	           "    retention: P%ldY\n    processors: [%s]\n",
	        p->fault == F_RETENTION ? rnd(21, 30) : rnd(1, 10), h->id);
	if (rng_next() % 2)
		bprintf(b, "  - id: newsletter\n    purposes: [Inform members of events]\n    legal_basis: consent\n"
		           "    data_categories: [identity, contact]\n    data_subjects: [members]\n"
		           "    recipients: [staff]\n    retention: P3Y\n    processors: [%s]\n", h->id);
	long from = days_of_date(2025, 1, 1) + rnd(0, 600);
	bprintf(b, "hosting:\n  - id: %s\n    name: %s\n    countries: [FR]\n"
	           "    hds_certificate: {number: \"%s\", certifier: %s,\n"
	           "                      activities: [1, 2, 3, 4, 5, 6], valid_from: %s, valid_until: %s}\n",
	        h->id, h->name, h->number, h->certifier, rnd_date(d1, from, from),
	        rnd_date(d2, from + 365 * 3 - 10, from + 365 * 3 - 10));
	const char *contract = p->fault == F_MISSING_EVIDENCE ? "contrat-absent.pdf" : evidence_names[1];
	bprintf(b, "    contract: {path: evidence/%s, sha256: \"%s\"}\n", contract, sha[1]);
	bprintf(b, "transfers_outside_eea: []\n");
	bprintf(b, "dpia: {done_on: %s, evidence: {path: evidence/%s, sha256: \"%s\"}}\n",
	        rnd_date(d1, days_of_date(2024, 6, 1), days_of_date(2026, 10, 1)), evidence_names[0], sha[0]);
	bprintf(b, "breach_procedure: {notify_authority_within_hours: %ld, evidence: {path: evidence/%s, sha256: \"%s\"}}\n",
	        rnd(24, 72), evidence_names[2], sha[2]);
	/* fr-model 2026.2: the recipients of health data, by name */
	bprintf(b, "health_data_recipients:\n  - {activity: matching, name: Centre Hospitalier Exemple, kind: establishment}\n");
}

static const char *const clauses =
	"confidentiality, professional-secrecy, neutrality, no-substitution, no-promotion, alert-right";
static const char *const clauses_short =
	"confidentiality, professional-secrecy, neutrality, no-substitution, no-promotion";

/* The SHA-256 of the official charter text (--charter). */
static char charter_sha256[65];

static void gen_charter(buf *b, const platform *p)
{
	char d[11];
	bprintf(b, "format: ppreg/1\ncharter: {version: \"2026-1\", sha256: \"%s\"}\ncommitments:\n", charter_sha256);
	for (int i = 0; i < p->n_partners; i++) {
		int withdrawn = i >= p->n_partners - p->n_withdrawn;
		int salaried = i < (p->n_partners - p->n_withdrawn) / 2; /* as gen_transparency counts them */
		rnd_date(d, days_of_date(2026, 6, 1), days_of_date(2026, 11, 20));
		bprintf(b, "  - {partner: %s, status: %s, charter_version: \"2026-1\", signed_on: %s, partner_status: %s,\n"
		           "     missions: [%s], countersignature: {signatory: Direction du service, signed_on: %s},\n"
		           "     clauses: [%s]}\n",
		        p->partners[i], withdrawn ? "withdrawn" : "active", d, salaried ? "salaried" : "volunteer",
		        services[p->service_kind[0]].id, d, p->fault == F_CLAUSE && i == 0 ? clauses_short : clauses);
	}
}

static void gen_training(buf *b, const platform *p)
{
	static const char *const topics[] = {"partnership-principles", "experiential-knowledge",
		"intervention-domains", "confidentiality-secrecy", "ethics-neutrality", "role-boundaries",
		"social-vulnerability-bias"};
	static const int min_hours[] = {6, 6, 8, 3, 3, 3, 3};
	char d[11];
	int hours[7], sum = 0;
	for (int k = 0; k < 7; k++)
		sum += hours[k] = min_hours[k] + (int)rnd(0, 8);
	if (p->fault == F_MODULE_HOURS)
		sum -= hours[2] - 2, hours[2] = 2;
	long total = sum + rnd(0, 60);
	if (total < 60) /* the most hours a domain of the model policy asks of a partner */
		total = 60;
	bprintf(b, "format: ppreg/1\ncourses:\n  - id: du-partenariat\n    title: DU Partenariat patient\n"
	           "    provider: {name: %s, kind: university}\n    hours: %ld\n    modules:\n",
	        PICK(universities), total);
	for (int k = 0; k < 7; k++)
		bprintf(b, "      - {topic: %s, hours: %d}\n", topics[k], hours[k]);
	bprintf(b, "    trainers: {patient_partners: %ld, professionals: %ld}\n"
	           "    assessment: Written thesis and oral defence before a mixed jury\n"
	           "certifications:\n", rnd(1, 5), rnd(1, 6));
	for (int i = 0; i < p->n_partners; i++)
		bprintf(b, "  - {partner: %s, course: du-partenariat, obtained_on: %s}\n", p->partners[i],
		        rnd_date(d, days_of_date(2023, 1, 1), days_of_date(2026, 10, 31)));
	bprintf(b, "funded_training: {on_request: true, how_to_request: A written request to the coordinator}\n");
}

/* ---- the fast-import stream ---- */

typedef struct {
	FILE *out;
	pid_t pid;
	unsigned long long files, bytes;
} importer;

/* alert.yaml (policy 2026.2): the minister, the procedure, the counts
 * of the years before the as-of year, drawn from nothing random so that a
 * seed's platforms stay those of the versions without it. */
static void gen_alert(buf *b, const platform *p, const evidence_pool *ev)
{
	int n = p->n_partners;
	bprintf(b, "format: ppreg/1\nauthority: minister\n");
	bprintf(b, "procedure: {path: evidence/%s, sha256: \"%s\"}\n", evidence_names[3], ev->sha[p->evidence[3]][3]);
	bprintf(b, "counts:\n  - {year: 2026, received: %d, passed_on: %d}\n", n, n);
	bprintf(b, "  - {year: 2025, received: %d, passed_on: %d}\n", n + 1, n);
}

static void write_data(importer *im, const char *data, size_t len)
{
	fprintf(im->out, "data %zu\n", len);
	if (len && fwrite(data, 1, len, im->out) != len)
		die("writing to git fast-import: %s", strerror(errno));
	fputc('\n', im->out);
	im->bytes += len;
}

static void inline_file(importer *im, const char *path, const buf *b)
{
	fprintf(im->out, "M 100644 inline %s\n", path);
	write_data(im, b->p, b->len);
	im->files++;
}

/* Runs git; `what` names the step in the error ("repack"), since argv[1]
 * may be an option (--git-dir). */
static void run_git(const char *what, const char *const argv[])
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		execvp("git", (char *const *)argv);
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		die("git %s failed", what);
}

static void importer_start(importer *im, const char *dir)
{
	const char *init[] = {"git", "init", "-q", "--bare", "-b", "main", dir, NULL};
	run_git("init", init);
	int fd[2];
	if (pipe(fd) < 0)
		die("pipe: %s", strerror(errno));
	im->pid = fork();
	if (im->pid < 0)
		die("fork: %s", strerror(errno));
	if (im->pid == 0) {
		close(fd[1]);
		if (dup2(fd[0], 0) < 0)
			_exit(127);
		close(fd[0]);
		execlp("git", "git", "--git-dir", dir, "fast-import", "--quiet", "--done", (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	im->out = fdopen(fd[1], "w");
	if (!im->out)
		die("fdopen: %s", strerror(errno));
	setvbuf(im->out, NULL, _IOFBF, 1 << 20);
}

static void importer_finish(importer *im)
{
	fputs("done\n", im->out);
	if (fclose(im->out) != 0)
		die("writing to git fast-import: %s", strerror(errno));
	int status;
	if (waitpid(im->pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		die("git fast-import failed");
}

static void commit_header(importer *im, const char *message, long when)
{
	fprintf(im->out, "commit refs/heads/main\n"
	                 "author ppreg bench <bench@example.invalid> %ld +0000\n"
	                 "committer ppreg bench <bench@example.invalid> %ld +0000\n", when, when);
	write_data(im, message, strlen(message));
}

/* Synthetic PDF-like bytes, about the size of the example's evidence. */
static void evidence_bytes(buf *b, int doc, int variant)
{
	b->len = 0;
	bprintf(b, "%%PDF-1.4\n%% ppreg synthetic evidence: %s, variant %d\n", evidence_names[doc], variant);
	for (int line = 0; b->len < 760; line++)
		bprintf(b, "%% line %d of a document kept as evidence; digest checked by gdpr.evidence %08x\n",
		        line, (unsigned)(variant * 2654435761u + (unsigned)line));
	bprintf(b, "%%%%EOF\n");
}

static void write_evidence_pool(importer *im, evidence_pool *ev)
{
	buf b = {0};
	ev->sha = calloc((size_t)ev->n_variants, sizeof *ev->sha);
	if (!ev->sha)
		die("out of memory");
	ev->first_mark = 1;
	for (int v = 0; v < ev->n_variants; v++)
		for (int doc = 0; doc < N_EVIDENCE; doc++) {
			evidence_bytes(&b, doc, v);
			sha256_hex(b.p, b.len, ev->sha[v][doc]);
			fprintf(im->out, "blob\nmark :%u\n", evidence_mark(ev, v, doc));
			write_data(im, b.p, b.len);
		}
	free(b.p);
}

/* ---- platforms ---- */

static void make_platform(platform *p, long index, int fault_percent)
{
	memset(p, 0, sizeof *p);
	size_t a = rng_next() % (sizeof first_words / sizeof *first_words);
	size_t c = rng_next() % (sizeof second_words / sizeof *second_words);
	snprintf(p->id, sizeof p->id, "%s-%s-%05ld", first_slugs[a], second_slugs[c], index);
	snprintf(p->name, sizeof p->name, "%s %s %ld", first_words[a], second_words[c], index);
	snprintf(p->domain, sizeof p->domain, "%s.example", p->id);
	make_siren_siret(p->siren, p->siret);
	p->commercial = rng_next() % 10 < 7;
	p->n_partners = (int)rnd(1, MAX_PARTNERS);
	p->n_withdrawn = p->n_partners > 2 && rng_next() % 5 == 0 ? 1 : 0;
	for (int i = 0; i < p->n_partners; i++)
		snprintf(p->partners[i], sizeof p->partners[i], "pp-%04lx%02x", (unsigned long)rnd(0, 0xffff), (unsigned)i);
	p->n_services = (int)rnd(1, MAX_SERVICES);
	size_t first = rng_next() % N_SERVICE_KINDS;
	for (int i = 0; i < p->n_services; i++)
		p->service_kind[i] = (int)((first + (size_t)i) % N_SERVICE_KINDS);
	p->host = (int)(rng_next() % N_HOSTS);
	p->fault = (long)(rng_next() % 1000) < fault_percent * 10L ? (enum fault)rnd(1, F_COUNT - 1) : F_NONE;
}

static void emit_platform(importer *im, const platform *p, const evidence_pool *ev, buf *b)
{
	char path[160];
	struct {
		const char *name;
		void (*gen)(buf *, const platform *);
	} files[] = {{"registration.yaml", gen_registration}, {"transparency.yaml", gen_transparency},
	             {"gdpr.yaml", NULL}, {"charter.yaml", gen_charter}, {"training.yaml", gen_training},
	             {"alert.yaml", NULL}};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		b->len = 0;
		if (files[i].gen)
			files[i].gen(b, p);
		else if (i == 2)
			gen_gdpr(b, p, ev);
		else
			gen_alert(b, p, ev);
		if (p->fault == F_MISSING_FILE && !strcmp(files[i].name, "training.yaml"))
			continue;
		snprintf(path, sizeof path, "platforms/%s/%s", p->id, files[i].name);
		inline_file(im, path, b);
	}
	for (int doc = 0; doc < N_EVIDENCE; doc++) {
		fprintf(im->out, "M 100644 :%u platforms/%s/evidence/%s\n", evidence_mark(ev, p->evidence[doc], doc),
		        p->id, evidence_names[doc]);
		im->files++;
	}
}

typedef struct {
	long n;
	unsigned long long seed;
	int fault_percent;
	int variants;
	int change;
	int repack;
	const char *manifest;
	const char *charter;
	const char *dir;
} options;

static void usage(void)
{
	fputs("usage: gen_registry [-n N] [--seed S] [--fault-percent P] [--evidence-variants V]\n"
	      "                    [--no-change] [--import-order] [--charter FILE] [--manifest FILE] DIR\n",
	      stderr);
	exit(2);
}

static long number_arg(const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < lo || v > hi)
		die("'%s' is not a number in [%ld, %ld]", s, lo, hi);
	return v;
}

static void parse_args(options *o, int argc, char **argv)
{
	*o = (options){.n = 10000, .seed = 20261123, .fault_percent = 10, .variants = 100, .change = 1,
	               .repack = 1, .charter = "policies/charters/2026-1.md"};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int more = i + 1 < argc;
		if (!strcmp(a, "-n") && more)
			o->n = number_arg(argv[++i], 1, 99999);
		else if (!strcmp(a, "--seed") && more)
			o->seed = (unsigned long long)number_arg(argv[++i], 1, 0x7fffffffL);
		else if (!strcmp(a, "--fault-percent") && more)
			o->fault_percent = (int)number_arg(argv[++i], 0, 100);
		else if (!strcmp(a, "--evidence-variants") && more)
			o->variants = (int)number_arg(argv[++i], 1, 100000);
		else if (!strcmp(a, "--manifest") && more)
			o->manifest = argv[++i];
		else if (!strcmp(a, "--charter") && more)
			o->charter = argv[++i];
		else if (!strcmp(a, "--no-change"))
			o->change = 0;
		else if (!strcmp(a, "--import-order"))
			o->repack = 0;
		else if (a[0] == '-' || o->dir)
			usage();
		else
			o->dir = a;
	}
	if (!o->dir)
		usage();
}

/* Hashes the charter text; a missing file stops the run (a registry
 * whose every platform breaks charter.official-version is no benchmark). */
static void hash_charter(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die("%s: %s (give the policy's charter text with --charter FILE)", path, strerror(errno));
	buf b = {0};
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf_reserve(&b, n);
		memcpy(b.p + b.len, chunk, n);
		b.len += n;
	}
	int failed = ferror(f);
	fclose(f);
	if (failed)
		die("%s: read error", path);
	sha256_hex(b.len ? b.p : "", b.len, charter_sha256);
	free(b.p);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The second commit: one platform's funding changes, nothing else. */
static void emit_change(importer *im, const platform *p, buf *b)
{
	commit_header(im, "bench: one platform updates its funding\n", 1795000000L);
	b->len = 0;
	gen_transparency(b, p);
	bprintf(b, "# updated by the second commit\n");
	char path[160];
	snprintf(path, sizeof path, "platforms/%s/transparency.yaml", p->id);
	inline_file(im, path, b);
	fputc('\n', im->out);
}

int main(int argc, char **argv)
{
	options o;
	parse_args(&o, argc, argv);
	struct stat st;
	if (stat(o.dir, &st) == 0)
		die("%s already exists", o.dir);
	hash_charter(o.charter);
	FILE *manifest = NULL;
	if (o.manifest && !(manifest = fopen(o.manifest, "w")))
		die("%s: %s", o.manifest, strerror(errno));
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rng_state = o.seed * 0x9E3779B97F4A7C15ULL | 1;

	importer im = {0};
	importer_start(&im, o.dir);
	evidence_pool ev = {.n_variants = o.variants};
	write_evidence_pool(&im, &ev);

	commit_header(&im, "bench: synthetic registry\n", 1794000000L);
	buf b = {0};
	b.len = 0;
	bprintf(&b, "format: ppreg/1\nname: Synthetic registry of %ld platforms (ppreg bench)\n"
	            "authority: Ministère chargé de la santé\npolicy: fr-model/2026.2\n", o.n);
	inline_file(&im, "registry.yaml", &b);
	long faulty = 0, changed_index = o.n / 2;
	platform p, changed = {0};
	for (long i = 0; i < o.n; i++) {
		make_platform(&p, i, o.fault_percent);
		for (int doc = 0; doc < 3; doc++)
			p.evidence[doc] = (int)(rng_next() % (uint64_t)o.variants);
		p.evidence[3] = p.evidence[2]; /* no draw: the platforms of a seed stay the same */
		if (i == changed_index) {
			p.fault = F_NONE; /* the changed platform stays compliant */
			changed = p;
		}
		emit_platform(&im, &p, &ev, &b);
		if (p.fault != F_NONE) {
			faulty++;
			if (manifest)
				fprintf(manifest, "%s\t%s\t%s\n", p.id, fault_name[p.fault], fault_rule[p.fault]);
		}
	}
	fputc('\n', im.out);
	if (o.change)
		emit_change(&im, &changed, &b);
	importer_finish(&im);
	if (o.repack) {
		const char *repack[] = {"git", "--git-dir", o.dir, "repack", "-a", "-d", "-q",
		                        "--no-write-bitmap-index", NULL};
		run_git("repack", repack);
	}
	free(b.p);
	free(ev.sha);
	if (manifest && fclose(manifest) != 0)
		die("%s: %s", o.manifest, strerror(errno));
	printf("platforms %ld\nfaulty %ld\nfiles %llu\nbytes %llu\nchanged %s\ncharter %s\npack %s\nseconds %.2f\n",
	       o.n, faulty, im.files, im.bytes, o.change ? changed.id : "-", charter_sha256,
	       o.repack ? "repacked" : "import-order", seconds_since(&t0));
	return 0;
}
