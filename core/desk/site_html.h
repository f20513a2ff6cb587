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

/* A file of the site. A service's page is made in memory, then written
 * with one system call: ten thousand pages cost ten thousand writes, not
 * a stat and several writes each. A page of every service (the register)
 * is streamed: its size follows the number of services. */
typedef struct {
	char *buf;
	size_t len;
	FILE *out;
	char *path;
	int streamed;
} site_file;
/* The stream of the file `path` (a new name in the site being built; f
 * takes it), in memory or `streamed` to the file, or NULL with
 * error_last() set. */
FILE *site_file_begin(site_file *f, char *path, int streamed);
/* Closes the stream and writes the file. 0, or ERR_FAIL. */
int site_file_end(site_file *f);

/* The file name of a service's page in services/: the id when it is made
 * of [a-z0-9-] only (what ids must be), else an encoding of its bytes. */
char *site_page_name(const char *id);

#endif
