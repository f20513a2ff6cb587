/*
 * desk/site_html.c - escaping and the frame of each page (site_html.h).
 *
 * The style sheet is inline and the pages hold no script: the site is read
 * offline, from a file system or any static server, and printed.
 */
#include "desk/site_html.h"
#include "base/i18n.h"
#include "base/util.h"
#include "report/report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Printable ASCII, tab and newline: nothing to clean (most of what a
 * page shows), so no copy is made. */
static int plain_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80 || (*p < 0x20 && *p != '\t' && *p != '\n'))
			return 0;
	return 1;
}

void html_text(FILE *out, const char *s)
{
	if (!s)
		return;
	char *clean = plain_ascii(s) ? NULL : report_clean_text(s, 1);
	const char *from = clean ? clean : s, *p = from;
	for (;; p++) {
		const char *with;
		switch (*p) {
		case '&': with = "&amp;"; break;
		case '<': with = "&lt;"; break;
		case '>': with = "&gt;"; break;
		case '"': with = "&quot;"; break;
		case '\'': with = "&#39;"; break;
		case '\r': with = " "; break; /* HTML forbids a lone CR in text */
		case '\0': with = NULL; break;
		default: continue;
		}
		fwrite(from, 1, (size_t)(p - from), out);
		if (!with)
			break;
		fputs(with, out);
		from = p + 1;
	}
	free(clean);
}

/* Readable from 320 px (tables scroll inside their box, long words break)
 * and on paper (no navigation, no colours needed to read a verdict). */
static const char style[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:75rem;"
	"padding:0 1rem 2rem;line-height:1.45;color:#161616;background:#fff}"
	"header nav{border-bottom:2px solid #000091;padding:.6rem 0;margin-bottom:1rem}"
	"nav a{margin-right:1rem;display:inline-block}"
	"a{color:#000091}"
	".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff}"
	"h1{font-size:1.6rem;margin:.4rem 0}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}"
	".wrap{overflow-x:auto;max-width:100%}"
	"table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:50%}"
	"th,td{border:1px solid #929292;padding:.3rem .5rem;text-align:left;vertical-align:top;"
	"overflow-wrap:break-word}"
	"thead th{background:#eeeef7}"
	"caption{text-align:left;font-weight:bold;padding:.3rem 0}"
	"dl{margin:.2rem 0}dt{font-weight:bold}dd{margin:0 0 .3rem 1rem}.date{white-space:nowrap}"
	"code{overflow-wrap:anywhere;font-size:.9em}"
	".compliant{color:#18753c;font-weight:bold}.non-compliant{color:#ce0500;font-weight:bold}"
	".invalid{color:#b34000;font-weight:bold}"
	"figure{margin:1rem 0}svg{max-width:100%;height:auto}svg text{font-size:13px}"
	"footer{margin-top:2rem;border-top:1px solid #929292;font-size:.9rem;color:#3a3a3a}"
	"@media (max-width:40rem){body{padding:0 .5rem}h1{font-size:1.3rem}nav a{margin-right:.6rem}"
	"th,td{min-width:7rem}}"
	"@media print{header nav,.skip{display:none}a{color:#000;text-decoration:none}"
	".wrap{overflow:visible}tr,figure{break-inside:avoid}body{max-width:none}}";

void html_begin(FILE *out, const char *lang, const char *title, const char *root)
{
	fputs("<!DOCTYPE html>\n<html lang=\"", out);
	html_text(out, lang);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", out);
	html_text(out, title);
	fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
	fprintf(out, "<a class=\"skip\" href=\"#main\">%s</a>\n<header>\n<nav aria-label=\"", _("Skip to the content"));
	html_text(out, _("Site"));
	fprintf(out, "\">\n<a href=\"%sindex.html\">%s</a>\n<a href=\"%sstats.html\">%s</a>\n"
	        "<a href=\"%sregister.csv\">%s</a>\n<a href=\"%sregister.json\">%s</a>\n</nav>\n</header>\n"
	        "<main id=\"main\">\n<h1>", root, _("Register"), root, _("Statistics"), root,
	        _("Register (CSV)"), root, _("Register (JSON)"));
	html_text(out, title);
	fputs("</h1>\n", out);
}

void html_end(FILE *out, const char *footer)
{
	fputs("</main>\n<footer>\n<p>", out);
	html_text(out, footer);
	fputs("</p>\n</footer>\n</body>\n</html>\n", out);
}

void html_table_begin(FILE *out, const char *caption, const char *const *headings, size_t n)
{
	fputs("<div class=\"wrap\">\n<table>\n<caption>", out);
	html_text(out, caption);
	fputs("</caption>\n<thead>\n<tr>", out);
	for (size_t i = 0; i < n; i++) {
		fputs("<th scope=\"col\">", out);
		html_text(out, headings[i]);
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", out);
}

void html_table_end(FILE *out)
{
	fputs("</tbody>\n</table>\n</div>\n", out);
}

char *site_page_name(const char *id)
{
	size_t len = strlen(id);
	int plain = len > 0 && id[0] != '-';
	for (size_t i = 0; plain && i < len; i++)
		plain = (id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-';
	if (plain && len <= 200)
		return xasprintf("%s.html", id);
	/* "_" and a digest: no two ids share a name, none is a plain id's,
	 * and a long name stays within a file name's 255 bytes */
	char hex[65];
	if (sha256_hex(id, len, hex) < 0)
		snprintf(hex, sizeof hex, "%zx", len);
	return xasprintf("_%s.html", hex);
}

FILE *site_file_begin(site_file *f, char *path)
{
	memset(f, 0, sizeof *f);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	f->out = fd < 0 ? NULL : fdopen(fd, "w");
	if (fd >= 0 && !f->out)
		close(fd);
	/* a buffer of our own: stdio then neither asks the file's block
	 * size (a stat) nor writes 4 KiB at a time */
	f->buf = f->out ? xmalloc(SITE_FILE_BUFFER) : NULL;
	if (f->out && setvbuf(f->out, f->buf, _IOFBF, SITE_FILE_BUFFER) != 0) {
		fclose(f->out);
		f->out = NULL;
	}
	if (!f->out) {
		error_set("%s: cannot be written: %s", path, strerror(errno));
		free(f->buf);
		free(path);
		return NULL;
	}
	f->path = path;
	return f->out;
}

int site_file_end(site_file *f)
{
	int rc = ferror(f->out) | fclose(f->out) ? error_set("%s: cannot be written: %s", f->path, strerror(errno)) : 0;
	free(f->buf);
	free(f->path);
	memset(f, 0, sizeof *f);
	return rc;
}
