/*
 * desk/site_html.h - what every page of the site (ppreg site) shares: text
 * escaped for HTML, the page's frame with its inline style sheet, tables a
 * screen reader can follow. Declarations are hostile: every string a page
 * shows goes through html_text().
 */
#ifndef PPREG_SITE_HTML_H
#define PPREG_SITE_HTML_H

#include <stddef.h>
#include <stdio.h>

/* `s` as HTML text or attribute value: & < > " ' escaped, invalid UTF-8
 * and characters HTML forbids replaced by U+FFFD. NULL writes nothing. */
void html_text(FILE *out, const char *s);

/* The page up to its <main>: `lang` the document's language, `root` the
 * way back to the site's top ("" or "../") for links. */
void html_begin(FILE *out, const char *lang, const char *title, const char *root);
/* The footer (`footer`, escaped) and the page's end. */
void html_end(FILE *out, const char *footer);

/* <div class="wrap"><table><caption>...</caption><thead><tr> with a
 * <th scope="col"> per heading (n headings), </tr></thead><tbody>. */
void html_table_begin(FILE *out, const char *caption, const char *const *headings, size_t n);
void html_table_end(FILE *out);

/* A file of the site, written through a buffer of SITE_FILE_BUFFER: a
 * service's page (some 17 KB) costs one open and one write, without the
 * stat and the 4 KiB writes of stdio's own buffer. */
#define SITE_FILE_BUFFER ((size_t)64 << 10)
typedef struct {
	char *buf;
	FILE *out;
	char *path;
} site_file;
/* The stream of the new file `path` in the site being built (f takes
 * path), or NULL with error_last() set. */
FILE *site_file_begin(site_file *f, char *path);
/* Closes the stream. 0, or ERR_FAIL. */
int site_file_end(site_file *f);

/* The file name of a service's page in services/: the id when it is made
 * of [a-z0-9-] only (what ids must be), else an encoding of its bytes. */
char *site_page_name(const char *id);

#endif
