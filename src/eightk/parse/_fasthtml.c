/*
 * eightk.parse._fasthtml: C versions of the hot passes of eightk.parse.html (HTML -> text).
 *
 * Why: html_to_text is a chain of regular-expression passes, each of which builds a new copy of the
 * whole document; on large exhibits most of the parse time goes there. Each function here does the
 * work of one or more of those passes in a single scan and builds its result once. html.py keeps the
 * Python passes as the reference (and as the fallback where this module is not built); every function
 * here must return exactly what its Python counterpart returns, character for character, which
 * tests/test_fasthtml.py checks on the sample filings and on random markup.
 *
 *   drop(markup)     _drop: _drop_blocks then _drop_hidden (drop_blocks(), drop_hidden(): each alone)
 *   flow(markup)     _flow_markup: _mark_page_breaks, _BLOCK, _CELL and _TAG, whitespace collapsed
 *   unescape(text)   _unescape (None where it leaves the text to Python)
 *   finish(text)     the rest of _decoded (odd spaces, "\t\n"), then _SPACES
 *   tidy(text)       _tidy: html_to_text's tab clean-up and _strip_lines
 *   normalize(text)  normalize_text(text, strip_lines=False), from eightk.parse.text
 *
 * What Python does, and so what this file does too:
 * - str.split(), str.strip(), str.isspace() and the regex "\s" agree on what whitespace is:
 *   Py_UNICODE_ISSPACE (which includes \x1c-\x1f, \x85, \xa0, \u2028 ...).
 * - The regex "\b" on str is Unicode-aware: a word character is Py_UNICODE_ISALNUM or "_", so
 *   "<pé>" is not a <p> tag. "\b" holds at the end of the string after a word character.
 * - Strings are PEP 393: 1, 2 or 4 bytes per character. They are read in their own kind (Text) and
 *   results are built in a buffer of the same kind (Buf), or of 4 bytes where entities can widen the
 *   text; PyUnicode_FromKindAndData then makes the canonical str.
 *
 * The GIL is held throughout; inputs are never modified.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------------ */
/* Reading a str                                                                                    */

typedef struct {
    int kind;         /* PyUnicode_1BYTE_KIND, _2BYTE_KIND or _4BYTE_KIND */
    const void *data;
    Py_ssize_t len;
} Text;

static int
text_init(Text *t, PyObject *s)
{
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(s) < 0)
        return -1;
#endif
    t->kind = PyUnicode_KIND(s);
    t->data = PyUnicode_DATA(s);
    t->len = PyUnicode_GET_LENGTH(s);
    return 0;
}

static inline Py_UCS4
at(const Text *t, Py_ssize_t i)
{
    return PyUnicode_READ(t->kind, t->data, i);
}

/* A word character for the regex "\b". */
static inline int
is_word(Py_UCS4 c)
{
    if (c < 128)
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
    return Py_UNICODE_ISALNUM(c);
}

static inline int
is_space(Py_UCS4 c)
{
    return Py_UNICODE_ISSPACE(c);
}

/* Whether a word character stands at i (never at or past end, where "\b" sees the string's end). */
static inline int
word_at(const Text *t, Py_ssize_t i, Py_ssize_t end)
{
    return i < end && is_word(at(t, i));
}

static inline char
ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

static inline char
ascii_upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
}

/* Whether the ASCII string s stands at i, wholly before end. */
static int
matches_ascii(const Text *t, Py_ssize_t i, const char *s, Py_ssize_t end)
{
    if (i < 0)
        return 0;
    for (; *s; s++, i++)
        if (i >= end || at(t, i) != (Py_UCS4)(unsigned char)*s)
            return 0;
    return 1;
}

/* str.find(c, i, end) for one character; -1 when absent. */
static Py_ssize_t
find_char(const Text *t, Py_UCS4 c, Py_ssize_t i, Py_ssize_t end)
{
    if (i < 0)
        i = 0;
    if (i >= end)
        return -1;
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND: {
        const Py_UCS1 *d = t->data;
        const Py_UCS1 *p = c > 0xff ? NULL : memchr(d + i, (int)c, (size_t)(end - i));
        return p ? p - d : -1;
    }
    case PyUnicode_2BYTE_KIND: {
        const Py_UCS2 *d = t->data;
        for (; i < end; i++)
            if (d[i] == c)
                return i;
        return -1;
    }
    default: {
        const Py_UCS4 *d = t->data;
        for (; i < end; i++)
            if (d[i] == c)
                return i;
        return -1;
    }
    }
}

/* str.rfind(c, lo, end): the last c in [lo, end); -1 when absent. */
static Py_ssize_t
rfind_char(const Text *t, Py_UCS4 c, Py_ssize_t lo, Py_ssize_t end)
{
    for (Py_ssize_t i = end - 1; i >= lo; i--)
        if (at(t, i) == c)
            return i;
    return -1;
}

/* str.find(s, i, end) for an ASCII string s; -1 when absent. The search runs on s[anchor], which
   should be the character of s that is rarest in filings ("k" of "page-break-"): each place it stands
   costs a comparison, and memchr skips the rest fast. */
static Py_ssize_t
find_ascii(const Text *t, const char *s, Py_ssize_t anchor, Py_ssize_t i, Py_ssize_t end)
{
    Py_ssize_t n = (Py_ssize_t)strlen(s), q;
    Py_UCS4 c = (Py_UCS4)(unsigned char)s[anchor];
    if (i < 0)
        i = 0;
    /* s starts at q - anchor: from i on, and it ends by end */
    for (q = find_char(t, c, i + anchor, end - n + anchor + 1); q >= 0; q = find_char(t, c, q + 1, end - n + anchor + 1))
        if (matches_ascii(t, q - anchor, s, end))
            return q - anchor;
    return -1;
}

/* The first whitespace character in [i, end), or end. */
static Py_ssize_t
find_space(const Text *t, Py_ssize_t i, Py_ssize_t end)
{
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND: {
        const Py_UCS1 *d = t->data;
        while (i < end && !is_space(d[i]))
            i++;
        return i;
    }
    case PyUnicode_2BYTE_KIND: {
        const Py_UCS2 *d = t->data;
        while (i < end && !is_space(d[i]))
            i++;
        return i;
    }
    default: {
        const Py_UCS4 *d = t->data;
        while (i < end && !is_space(d[i]))
            i++;
        return i;
    }
    }
}

/* ------------------------------------------------------------------------------------------------ */
/* Growing buffers                                                                                  */

/* Characters of one kind, turned into a str at the end. */
typedef struct {
    int kind;
    char *data;
    Py_ssize_t len, cap; /* in characters */
} Buf;

/* Largest buffer, in characters, whose size in bytes cannot overflow. */
#define BUF_MAX (PY_SSIZE_T_MAX / 8)

static int
buf_init(Buf *b, int kind, Py_ssize_t cap)
{
    b->kind = kind;
    b->len = 0;
    b->cap = cap < 64 ? 64 : cap;
    b->data = NULL;
    if (b->cap > BUF_MAX) {
        PyErr_NoMemory();
        return -1;
    }
    b->data = PyMem_Malloc((size_t)b->cap * (size_t)kind);
    if (b->data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
buf_free(Buf *b)
{
    PyMem_Free(b->data);
    b->data = NULL;
}

/* Room for `extra` more characters. */
static int
buf_reserve(Buf *b, Py_ssize_t extra)
{
    if (extra <= b->cap - b->len)
        return 0;
    if (extra > BUF_MAX - b->len) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t cap = b->cap + b->cap / 2;
    if (cap > BUF_MAX)
        cap = BUF_MAX;
    if (cap < b->len + extra)
        cap = b->len + extra;
    char *data = PyMem_Realloc(b->data, (size_t)cap * (size_t)b->kind);
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->data = data;
    b->cap = cap;
    return 0;
}

/* Append c, which must fit the buffer's kind (callers only write characters of the input, ASCII,
   or, in a 4-byte buffer, anything). */
static inline int
buf_put(Buf *b, Py_UCS4 c)
{
    if (b->len == b->cap && buf_reserve(b, 1) < 0)
        return -1;
    PyUnicode_WRITE(b->kind, b->data, b->len, c);
    b->len++;
    return 0;
}

/* Append t[a:z]. */
static int
buf_put_range(Buf *b, const Text *t, Py_ssize_t a, Py_ssize_t z)
{
    if (z <= a)
        return 0;
    if (buf_reserve(b, z - a) < 0)
        return -1;
    if (t->kind == b->kind) {
        memcpy(b->data + (size_t)b->len * (size_t)b->kind, (const char *)t->data + (size_t)a * (size_t)t->kind,
               (size_t)(z - a) * (size_t)t->kind);
        b->len += z - a;
        return 0;
    }
    for (Py_ssize_t i = a; i < z; i++)
        PyUnicode_WRITE(b->kind, b->data, b->len++, at(t, i));
    return 0;
}

/* Append a str object's characters (a 4-byte buffer takes any). */
static int
buf_put_str(Buf *b, PyObject *s)
{
    Text t;
    if (text_init(&t, s) < 0)
        return -1;
    return buf_put_range(b, &t, 0, t.len);
}

/* The buffer as a str (freed either way). */
static PyObject *
buf_result(Buf *b)
{
    PyObject *s = PyUnicode_FromKindAndData(b->kind, b->data, b->len);
    buf_free(b);
    return s;
}

/* A growing array of offsets. */
typedef struct {
    Py_ssize_t *at;
    Py_ssize_t len, cap;
} Offsets;

static int
offsets_add(Offsets *o, Py_ssize_t v)
{
    if (o->len == o->cap) {
        Py_ssize_t cap = o->cap ? o->cap * 2 : 64;
        if (cap > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(Py_ssize_t)) {
            PyErr_NoMemory();
            return -1;
        }
        Py_ssize_t *a = PyMem_Realloc(o->at, (size_t)cap * sizeof(Py_ssize_t));
        if (a == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        o->at = a;
        o->cap = cap;
    }
    o->at[o->len++] = v;
    return 0;
}

static int
cmp_offsets(const void *a, const void *b)
{
    Py_ssize_t x = *(const Py_ssize_t *)a, y = *(const Py_ssize_t *)b;
    return (x > y) - (x < y);
}

/* Every offset in [lo, end) where the ASCII string s starts (overlapping ones too, as a loop of
   str.find(s, i + 1) finds them) and `tail(t, offset + len(s), end, arg)` holds. */
static int
find_all_ascii(Offsets *o, const Text *t, const char *s, Py_ssize_t anchor, Py_ssize_t lo, Py_ssize_t end,
               int (*tail)(const Text *, Py_ssize_t, Py_ssize_t, const char *), const char *arg)
{
    Py_ssize_t n = (Py_ssize_t)strlen(s);
    for (Py_ssize_t i = find_ascii(t, s, anchor, lo, end); i >= 0; i = find_ascii(t, s, anchor, i + 1, end))
        if (tail(t, i + n, end, arg) && offsets_add(o, i) < 0)
            return -1;
    return 0;
}

/* ------------------------------------------------------------------------------------------------ */
/* _flow: page breaks, block tags, cells, other tags and whitespace, in one scan                   */
/*
 * _flow runs, on the stripped markup: _mark_page_breaks (a blank line before each <hr> and before
 * the "<" of a tag styled page-break-before/after: always), then _BLOCK.sub (block tags -> line
 * break), then _CELL.sub (<td>, <th> -> tab), then _TAG.sub (any other <...> -> nothing), each pass
 * over the previous one's output. Replacing a tag removes its ">", so a later pass's "[^>]*>" can
 * run past tags an earlier pass replaced: in "<b <p> x>" _BLOCK replaces "<p>" and _TAG then removes
 * all of "<b \x01 x>". The scan below reproduces that: a cell or other tag ends at the first ">" that
 * no earlier pass consumed, found by skipping the earlier passes' tags within it (tag_end).
 *
 * Whitespace: when the markup holds a stand-in ("\x01", "\x02"), _flow first collapses each run of
 * whitespace in the markup to one space (" ".join(markup.split())) and writes tags as "\n", "\t";
 * otherwise it writes stand-ins, collapses each run of whitespace in the text left once the tags are
 * gone, then turns the stand-ins into "\n", "\t". Tag boundaries do not depend on whitespace (it is
 * neither "<", ">" nor a word character, and "\s*" takes one space as well as many), so the scan is
 * the same in both cases; only where spaces are written differs ("early" below).
 */

enum { CELL = 0, OTHER = 1 };

typedef struct {
    Text m;
    Py_ssize_t lo, hi;           /* the markup without leading and trailing whitespace (str.strip()) */
    int early;                   /* it holds a stand-in: whitespace collapsed in the markup */
    Offsets marks;               /* the "<" before each page-break style, ascending (repeats allowed) */
    Py_ssize_t next_mark;
    Py_ssize_t never_closes[2];  /* [CELL], [OTHER]: from this offset on, no such tag finds its ">" */
    Py_ssize_t gt, gt_from;      /* the first ">" at or after gt_from (hi: none) */
    Buf out;
    int space_pending;           /* not early: whitespace seen since the last character written */
} Flow;

/* _BLOCK_NAMES by length: BLOCK_NAMES[L] holds the names of L letters, one after another. */
#define BLOCK_NAME_MAX 10
static const char *const BLOCK_NAMES[BLOCK_NAME_MAX + 1] = {
    "", "p", "brtrliulolh1h2h3h4h5h6dldtdd", "div", "bodyhtmlform", "tabletheadtbodytfoot",
    "centerheaderfooter", "sectionarticlecaption", "", "", "blockquote",
};

/* _PAGE_BREAK_TAIL.match at i: (?:before|after|BEFORE|AFTER)\s*:\s*(?:always|ALWAYS) */
static int
page_break_tail(const Text *t, Py_ssize_t i, Py_ssize_t end, const char *unused)
{
    static const char *const sides[] = {"before", "after", "BEFORE", "AFTER"};
    (void)unused;
    int k = 0;
    while (k < 4 && !matches_ascii(t, i, sides[k], end))
        k++;
    if (k == 4)
        return 0;
    i += (Py_ssize_t)strlen(sides[k]);
    while (i < end && is_space(at(t, i)))
        i++;
    if (i >= end || at(t, i) != ':')
        return 0;
    i++;
    while (i < end && is_space(at(t, i)))
        i++;
    return matches_ascii(t, i, "always", end) || matches_ascii(t, i, "ALWAYS", end);
}

/* The "<" that _mark_page_breaks finds for each page-break style: markup.rfind("<", 0, i) for each
   head "page-break-" (or its UPPER, Title spellings) at i followed by _PAGE_BREAK_TAIL. The styles
   are taken in order and each rfind searches back to the previous style only: when it finds no "<",
   the "<" is the previous style's, already marked. */
static int
find_page_breaks(Flow *f)
{
    static const char *const heads[] = {"page-break-", "PAGE-BREAK-", "Page-Break-"}; /* [9] is "k" or "K" */
    Offsets hits = {NULL, 0, 0};
    for (int h = 0; h < 3; h++)
        if (find_all_ascii(&hits, &f->m, heads[h], 9, f->lo, f->hi, page_break_tail, NULL) < 0)
            goto error;
    if (hits.len > 1)
        qsort(hits.at, (size_t)hits.len, sizeof(Py_ssize_t), cmp_offsets);
    Py_ssize_t searched = f->lo;
    for (Py_ssize_t k = 0; k < hits.len; k++) {
        Py_ssize_t lt = rfind_char(&f->m, '<', searched, hits.at[k]);
        searched = hits.at[k];
        if (lt >= 0 && offsets_add(&f->marks, lt) < 0)
            goto error;
    }
    PyMem_Free(hits.at);
    return 0;
error:
    PyMem_Free(hits.at);
    return -1;
}

/* markup.find(">", i) (-1 when absent), remembered: tags are looked at from left to right, and many
   "<" before one ">" ("<b <i <u ... >", or no ">" at all) must not each search to it again. */
static Py_ssize_t
next_gt(Flow *f, Py_ssize_t i)
{
    if (i < f->gt_from || i > f->gt) {
        f->gt = find_char(&f->m, '>', i, f->hi);
        if (f->gt < 0)
            f->gt = f->hi;
        f->gt_from = i;
    }
    return f->gt < f->hi ? f->gt : -1;
}

/* The first "<" or ">" at or after i; -1 when there is neither. */
static Py_ssize_t
next_angle(Flow *f, Py_ssize_t i)
{
    Py_ssize_t gt = next_gt(f, i), lt = find_char(&f->m, '<', i, gt < 0 ? f->hi : gt);
    return lt >= 0 ? lt : gt;
}

/* What a tag is to the passes that look at its name. */
enum { PLAIN, BLOCK, CELL_TAG, HR };

/* Whether word (L ASCII characters) is a block name spelled as _BLOCK accepts it: all lower case,
   all UPPER case or Capitalized (str.capitalize()). */
static int
is_block_name(const char *word, Py_ssize_t L)
{
    char low[BLOCK_NAME_MAX];
    int lower = 1, upper = 1, title = 1;
    for (Py_ssize_t i = 0; i < L; i++) {
        low[i] = ascii_lower(word[i]);
        lower &= word[i] == low[i];
        upper &= word[i] == ascii_upper(low[i]);
        title &= word[i] == (i == 0 ? ascii_upper(low[i]) : low[i]);
    }
    if (!(lower || upper || title))
        return 0;
    for (const char *name = BLOCK_NAMES[L]; *name; name += L) {
        Py_ssize_t k = 0;
        while (k < L && name[k] == low[k])
            k++;
        if (k == L)
            return 1;
    }
    return 0;
}

/* The tag the "<" at j opens, by the word after "<" or "</" (each pattern has "\b" after its name,
   so the name is that whole word; a non-ASCII word character makes it no name):
   BLOCK     _BLOCK:  </?NAME\b for a block NAME
   CELL_TAG  _CELL:   <t[dh]\b, IGNORECASE (no other character folds to t, d or h)
   HR        _HR:     <(?:hr|HR|Hr)\b
   PLAIN     any other. */
static int
tag_kind(const Flow *f, Py_ssize_t j)
{
    char word[BLOCK_NAME_MAX + 1];
    Py_ssize_t k = j + 1, L = 0;
    int slash = k < f->hi && at(&f->m, k) == '/';
    for (k += slash; L <= BLOCK_NAME_MAX && k + L < f->hi; L++) {
        Py_UCS4 c = at(&f->m, k + L);
        if (!is_word(c))
            break;
        if (c >= 128)
            return PLAIN;
        word[L] = (char)c;
    }
    if (L == 0 || L > BLOCK_NAME_MAX)
        return PLAIN;
    if (!slash && L == 2) {
        if ((word[0] == 't' || word[0] == 'T') && strchr("dDhH", word[1]))
            return CELL_TAG;
        if ((word[0] == 'h' && word[1] == 'r') || (word[0] == 'H' && (word[1] == 'R' || word[1] == 'r')))
            return HR;
    }
    return is_block_name(word, L) ? BLOCK : PLAIN;
}

/* Whether _mark_page_breaks puts a blank line before the "<" at j (of the given kind). */
static int
page_break_at(Flow *f, Py_ssize_t j, int kind)
{
    while (f->next_mark < f->marks.len && f->marks.at[f->next_mark] < j)
        f->next_mark++;
    return kind == HR || (f->next_mark < f->marks.len && f->marks.at[f->next_mark] == j);
}

/*
 * Where the tag opened at p ends, as _CELL (level CELL, "<t[dh]\b[^>]*>") or _TAG (level OTHER,
 * "<[^>]*>") sees it: the first ">" after p that the earlier passes left. A "<" on the way may open
 * a block tag (_BLOCK ran first, its ">" is gone) or, for OTHER, a cell (_CELL ran first): those are
 * skipped whole. -1 when no ">" is left: then none is left for any later tag of this level either,
 * which never_closes remembers so that hostile input ("<td" repeated) costs one scan, not one each.
 */
static Py_ssize_t
tag_end(Flow *f, int level, Py_ssize_t p)
{
    if (p >= f->never_closes[level])
        return -1;
    Py_ssize_t i = p + 1;
    for (;;) {
        Py_ssize_t q = next_angle(f, i), e = -1;
        if (q < 0)
            break;
        if (at(&f->m, q) == '>')
            return q;
        int kind = tag_kind(f, q);
        if (kind == BLOCK)
            e = next_gt(f, q);
        else if (kind == CELL_TAG && level == OTHER) {
            e = tag_end(f, CELL, q);
            if (e < 0) /* no ">" after q left by _CELL, so none left for _TAG */
                break;
        }
        i = e >= 0 ? e + 1 : q + 1;
    }
    f->never_closes[level] = p;
    return -1;
}

/* Write a character of the text (a tag's line break or tab, or text): a pending space first. */
static inline int
flow_put(Flow *f, Py_UCS4 c)
{
    if (f->space_pending) {
        f->space_pending = 0;
        if (buf_put(&f->out, ' ') < 0)
            return -1;
    }
    return buf_put(&f->out, c);
}

/* Write the text markup[a:z] (no tags in it): each run of whitespace becomes one space, either in
   the markup (early) or in the text as written. */
static int
flow_text(Flow *f, Py_ssize_t a, Py_ssize_t z)
{
    const Text *m = &f->m;
    Py_ssize_t i = a;
    while (i < z) {
        Py_ssize_t run = i; /* m[run:i] holds no whitespace: copied as is */
        i = find_space(m, i, z);
        if (i > run) {
            if (f->space_pending) {
                f->space_pending = 0;
                if (buf_put(&f->out, ' ') < 0)
                    return -1;
            }
            if (buf_put_range(&f->out, m, run, i) < 0)
                return -1;
        }
        if (i == z)
            break;
        /* whitespace at i; early: a run in the markup (it cannot start at lo, which is not space) */
        if (f->early) {
            if (!is_space(at(m, i - 1)) && buf_put(&f->out, ' ') < 0)
                return -1;
        }
        else
            f->space_pending = 1;
        i++;
    }
    return 0;
}

static int
flow_scan(Flow *f)
{
    const Text *m = &f->m;
    Py_ssize_t i = f->lo;
    while (i < f->hi) {
        Py_ssize_t j = find_char(m, '<', i, f->hi);
        if (j < 0)
            j = f->hi;
        if (flow_text(f, i, j) < 0)
            return -1;
        if (j == f->hi)
            break;
        int kind = tag_kind(f, j);
        if (page_break_at(f, j, kind) && (flow_put(f, '\n') < 0 || flow_put(f, '\n') < 0))
            return -1;
        Py_ssize_t e;
        Py_UCS4 becomes = 0; /* what the tag becomes in the text */
        if (kind == BLOCK) {
            e = next_gt(f, j);
            becomes = '\n';
        }
        else if (kind == CELL_TAG) {
            e = tag_end(f, CELL, j);
            becomes = '\t';
        }
        else
            e = tag_end(f, OTHER, j);
        if (e >= 0) {
            if (becomes && flow_put(f, becomes) < 0)
                return -1;
            i = e + 1;
            continue;
        }
        /* a "<" no ">" closes is text (a block or cell left open is no tag for _TAG either: it finds
           no ">" after it) */
        if (flow_text(f, j, j + 1) < 0)
            return -1;
        i = j + 1;
    }
    if (f->space_pending) {
        /* (lead + " ".join(text.split()) + trail) of all-whitespace text is two spaces */
        f->space_pending = 0;
        if (buf_put(&f->out, ' ') < 0 || (f->out.len == 1 && buf_put(&f->out, ' ') < 0))
            return -1;
    }
    return 0;
}

PyDoc_STRVAR(flow_doc, "flow(markup: str) -> str\n\n"
                       "_flow without _decoded and _SPACES: page breaks, block tags, cells and other tags\n"
                       "replaced, whitespace collapsed.");

static PyObject *
fasthtml_flow(PyObject *module, PyObject *arg)
{
    Flow f;
    memset(&f, 0, sizeof f);
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "flow() takes a str");
        return NULL;
    }
    if (text_init(&f.m, arg) < 0)
        return NULL;
    f.early = find_char(&f.m, 0x01, 0, f.m.len) >= 0 || find_char(&f.m, 0x02, 0, f.m.len) >= 0;
    f.hi = f.m.len;
    while (f.lo < f.hi && is_space(at(&f.m, f.lo)))
        f.lo++;
    while (f.hi > f.lo && is_space(at(&f.m, f.hi - 1)))
        f.hi--;
    f.never_closes[CELL] = f.never_closes[OTHER] = PY_SSIZE_T_MAX;
    f.gt_from = f.gt = -1; /* nothing remembered yet */
    if (find_page_breaks(&f) < 0 || buf_init(&f.out, f.m.kind, f.hi - f.lo + 64) < 0)
        goto error;
    if (flow_scan(&f) < 0)
        goto error;
    PyMem_Free(f.marks.at);
    return buf_result(&f.out);
error:
    PyMem_Free(f.marks.at);
    buf_free(&f.out);
    return NULL;
}

/* ------------------------------------------------------------------------------------------------ */
/* _drop: _drop_blocks (comments, scripts, styles, the head, inline-XBRL headers, processing         */
/* instructions) then _drop_hidden (elements styled display:none)                                   */
/*
 * Each pass finds regions, (start, end) pairs, that replace_regions turns into one space each.
 * _drop_blocks matches its patterns in fold(markup), the lower-cased text. It is not built here: a
 * character lower-cases to an ASCII character x only when it is x, x in upper case, or (for "k") the
 * Kelvin sign U+212A (checked over all of Unicode), and lower-casing never changes whether a character
 * is a word character, so folds_to() and "\b" read on the markup itself give the same matches.
 */

static inline int
folds_to(Py_UCS4 c, char x)
{
    if (c == (Py_UCS4)(unsigned char)x)
        return 1;
    return x >= 'a' && x <= 'z' && (c == (Py_UCS4)(x - 32) || (x == 'k' && c == 0x212A));
}

/* Whether fold(text)[i:] starts with the lower-case ASCII string s, wholly before end. */
static int
matches_folded(const Text *t, Py_ssize_t i, const char *s, Py_ssize_t end)
{
    for (; *s; s++, i++)
        if (i >= end || !folds_to(at(t, i), *s))
            return 0;
    return 1;
}

/* fold(text).find(s, i) for a lower-case ASCII s whose first character is not a letter. */
static Py_ssize_t
find_folded(const Text *t, const char *s, Py_ssize_t i)
{
    for (; (i = find_char(t, (Py_UCS4)(unsigned char)s[0], i, t->len)) >= 0; i++)
        if (matches_folded(t, i, s, t->len))
            return i;
    return -1;
}

/* An opener of _DROP_OPEN: the text it starts with (in fold(markup)), whether "\b" follows, and what
   closes what it opens (_DROP_CLOSE, or "</" + name). */
typedef struct {
    const char *open;
    int word_end;
    const char *close;
} Opener;

static const Opener OPENERS[] = {
    {"<!--", 0, "-->"}, {"<![cdata[", 0, "]]>"}, {"<script", 1, "</script"}, {"<style", 1, "</style"},
    {"<head", 1, "</head"}, {"<title", 1, "</title"}, {"<ix:header", 1, "</ix:header"}, {NULL, 0, NULL},
};

/* _DROP_OPEN at j: <!--|<!\[cdata\[|<(?:script|style|head|title|ix:header)\b|<![a-z]|<\?  (in fold(m),
   the alternatives in order). Sets what closes it and where the opener ends; 0 when none opens at j. */
static int
drop_opener(const Text *m, Py_ssize_t j, const char **closer, Py_ssize_t *after)
{
    Py_ssize_t n = m->len;
    Py_UCS4 second = j + 1 < n ? at(m, j + 1) : 0, third = j + 2 < n ? at(m, j + 2) : 0;
    switch (second) { /* what each alternative can have second (folded): most tags have none of it */
    case '!': case 's': case 'S': case 'h': case 'H': case 't': case 'T': case 'i': case 'I':
        break;
    case '?':
        *closer = ">";
        *after = j + 2;
        return 1;
    default:
        return 0;
    }
    for (const Opener *o = OPENERS; o->open; o++) {
        Py_ssize_t end = j + (Py_ssize_t)strlen(o->open);
        if (folds_to(second, o->open[1]) && matches_folded(m, j, o->open, n) && !(o->word_end && word_at(m, end, n))) {
            *closer = o->close;
            *after = end;
            return 1;
        }
    }
    if (second == '!' && ((third < 128 && (third | 0x20) >= 'a' && (third | 0x20) <= 'z') || third == 0x212A)) {
        *closer = ">"; /* <![a-z] (the Kelvin sign U+212A folds to "k") */
        *after = j + 3;
        return 1;
    }
    return 0;
}

/* _drop_blocks' regions of m, and the offsets of "<pre" and "<PRE" outside them, counted in the text
   the regions leave (each replaced by one space). */
static int
block_regions(const Text *m, Offsets *regions, Offsets *pres)
{
    const char *closer;
    Py_ssize_t n = m->len, shift = 0, after;
    for (Py_ssize_t j = find_char(m, '<', 0, n); j >= 0; j = find_char(m, '<', j + 1, n)) {
        if (!drop_opener(m, j, &closer, &after)) {
            if ((matches_ascii(m, j + 1, "pre", n) || matches_ascii(m, j + 1, "PRE", n)) &&
                offsets_add(pres, j - shift) < 0)
                return -1;
            continue;
        }
        Py_ssize_t close = find_folded(m, closer, after), end;
        if (close < 0)
            end = n;
        else if (closer[0] == '<') { /* "</name": through the next ">" */
            Py_ssize_t gt = find_char(m, '>', close, n);
            end = gt < 0 ? n : gt + 1;
        }
        else
            end = close + (Py_ssize_t)strlen(closer);
        if (offsets_add(regions, j) < 0 || offsets_add(regions, end) < 0)
            return -1;
        shift += end - j - 1;
        j = end - 1; /* openers inside what is dropped are skipped */
    }
    return 0;
}

/* _DISPLAY_NONE's tail at i: \s*:\s*none (or NONE, as given) */
static int
display_none_tail(const Text *t, Py_ssize_t i, Py_ssize_t end, const char *none)
{
    while (i < end && is_space(at(t, i)))
        i++;
    if (i >= end || at(t, i) != ':')
        return 0;
    i++;
    while (i < end && is_space(at(t, i)))
        i++;
    return matches_ascii(t, i, none, end);
}

/* Whether the L characters at k are the ASCII name at nm (L characters) in lower case, UPPER case or
   Capitalized, followed by "\b": _opener(name)'s (?:name|NAME|Name)\b */
static int
spelled_as(const Text *t, Py_ssize_t k, Py_ssize_t nm, Py_ssize_t L)
{
    int lower = 1, upper = 1, title = 1;
    if (L > t->len - k || word_at(t, k + L, t->len))
        return 0;
    for (Py_ssize_t i = 0; i < L && (lower || upper || title); i++) {
        Py_UCS4 c = at(t, k + i);
        char lo = ascii_lower((char)at(t, nm + i)), up = ascii_upper(lo);
        lower &= c == (Py_UCS4)lo;
        upper &= c == (Py_UCS4)up;
        title &= c == (Py_UCS4)(i == 0 ? up : lo);
    }
    return lower || upper || title;
}

/* _element_end: the end of the element opened at start, named by the L characters at start + 1,
   counting the nested elements of the same name (matches of <(/?)(?:name|NAME|Name)\b[^>]*> from
   start on); a self-closed opener ("/>") is an element on its own. */
static Py_ssize_t
element_end(const Text *m, Py_ssize_t start, Py_ssize_t L)
{
    Py_ssize_t depth = 0, n = m->len, i = start;
    for (Py_ssize_t q = find_char(m, '<', i, n); q >= 0; q = find_char(m, '<', i, n)) {
        int closing = q + 1 < n && at(m, q + 1) == '/';
        Py_ssize_t k = q + 1 + closing;
        if (!spelled_as(m, k, start + 1, L)) {
            i = q + 1;
            continue;
        }
        Py_ssize_t gt = find_char(m, '>', k + L, n);
        if (gt < 0) /* no ">" left: no later tag matches either */
            break;
        if (!closing && at(m, gt - 1) == '/') { /* self-closed: an element on its own */
            if (depth == 0)
                return gt + 1;
            i = gt + 1;
            continue;
        }
        depth += closing ? -1 : 1;
        if (depth == 0)
            return gt + 1;
        i = gt + 1;
    }
    return n;
}

/* _TAG_NAME at start, <([A-Za-z][A-Za-z0-9]*): the name's length, 0 when there is none. */
static Py_ssize_t
ascii_tag_name(const Text *m, Py_ssize_t start)
{
    Py_ssize_t i = start + 1;
    while (i < m->len) {
        Py_UCS4 c = at(m, i);
        int letter = c < 128 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        if (!(letter || (i > start + 1 && c >= '0' && c <= '9')))
            break;
        i++;
    }
    return i - start - 1;
}

/* _drop_hidden's regions of m. */
static int
hidden_regions(const Text *m, Offsets *regions)
{
    Offsets hits = {NULL, 0, 0};
    if (find_all_ascii(&hits, m, "display", 6, 0, m->len, display_none_tail, "none") < 0 ||
        find_all_ascii(&hits, m, "DISPLAY", 6, 0, m->len, display_none_tail, "NONE") < 0) {
        PyMem_Free(hits.at);
        return -1;
    }
    if (hits.len > 1)
        qsort(hits.at, (size_t)hits.len, sizeof(Py_ssize_t), cmp_offsets);
    /* start = markup.rfind("<", 0, hit), searched back to the previous hit only: when no "<" is found,
       start is the previous hit's, which was dropped (pos is past it) or has no name, so no other
       outcome is possible */
    Py_ssize_t pos = 0, searched = 0;
    for (Py_ssize_t k = 0; k < hits.len; k++) {
        Py_ssize_t start = rfind_char(m, '<', searched, hits.at[k]);
        searched = hits.at[k];
        Py_ssize_t L = start >= 0 && start >= pos ? ascii_tag_name(m, start) : 0;
        if (L == 0)
            continue;
        pos = element_end(m, start, L);
        if (offsets_add(regions, start) < 0 || offsets_add(regions, pos) < 0) {
            PyMem_Free(hits.at);
            return -1;
        }
    }
    PyMem_Free(hits.at);
    return 0;
}

/* m with each region replaced by one space, into out. */
static int
replace_regions(const Text *m, const Offsets *regions, Buf *out)
{
    Py_ssize_t pos = 0;
    if (buf_init(out, m->kind, m->len) < 0)
        return -1;
    for (Py_ssize_t k = 0; k < regions->len; k += 2) {
        if (buf_put_range(out, m, pos, regions->at[k]) < 0 || buf_put(out, ' ') < 0)
            return -1;
        pos = regions->at[k + 1];
    }
    return buf_put_range(out, m, pos, m->len);
}

/* The view of a buffer as text. */
static Text
buf_text(const Buf *b)
{
    Text t = {b->kind, b->data, b->len};
    return t;
}

/* Whether an offset of pres lies outside all the regions (both ascending). */
static int
any_outside(const Offsets *pres, const Offsets *regions)
{
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < pres->len; i++) {
        while (k < regions->len && regions->at[k + 1] <= pres->at[i])
            k += 2;
        if (k == regions->len || pres->at[i] < regions->at[k])
            return 1;
    }
    return 0;
}

PyDoc_STRVAR(drop_doc, "drop(markup: str) -> tuple[str, bool]\n\n"
                       "_drop: what no reader sees removed, and whether a <pre> may be left.");

static PyObject *
fasthtml_drop(PyObject *module, PyObject *arg)
{
    Text m, mid;
    Offsets blocks = {NULL, 0, 0}, hidden = {NULL, 0, 0}, pres = {NULL, 0, 0};
    Buf b1 = {0, NULL, 0, 0}, b2 = {0, NULL, 0, 0};
    PyObject *text = NULL, *result = NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "drop() takes a str");
        return NULL;
    }
    if (text_init(&m, arg) < 0 || block_regions(&m, &blocks, &pres) < 0)
        goto done;
    mid = m;
    if (blocks.len) {
        if (replace_regions(&m, &blocks, &b1) < 0)
            goto done;
        mid = buf_text(&b1);
    }
    if (hidden_regions(&mid, &hidden) < 0)
        goto done;
    /* _drop's maybe_pre ("<pre" in fold(markup)) holds whenever a "<pre" or "<PRE" is left after
       the drops, which leave spaces where they drop, so that second test alone decides */
    int has_pre = any_outside(&pres, &hidden);
    if (hidden.len) {
        if (replace_regions(&mid, &hidden, &b2) < 0)
            goto done;
        text = buf_result(&b2);
    }
    else
        text = blocks.len ? buf_result(&b1) : Py_NewRef(arg);
    if (text != NULL)
        result = Py_BuildValue("(NO)", text, has_pre ? Py_True : Py_False);
done:
    PyMem_Free(blocks.at);
    PyMem_Free(hidden.at);
    PyMem_Free(pres.at);
    buf_free(&b1);
    buf_free(&b2);
    return result;
}

/* drop_blocks() and drop_hidden(): one pass each, for the tests that compare them with Python's. */
static PyObject *
drop_one(PyObject *arg, int (*regions_of)(const Text *, Offsets *, Offsets *))
{
    Text m;
    Offsets regions = {NULL, 0, 0}, pres = {NULL, 0, 0};
    Buf out = {0, NULL, 0, 0};
    PyObject *result = NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "takes a str");
        return NULL;
    }
    if (text_init(&m, arg) < 0 || regions_of(&m, &regions, &pres) < 0)
        goto done;
    if (regions.len == 0)
        result = Py_NewRef(arg);
    else if (replace_regions(&m, &regions, &out) == 0)
        result = buf_result(&out);
done:
    PyMem_Free(regions.at);
    PyMem_Free(pres.at);
    buf_free(&out);
    return result;
}

static int
hidden_regions_only(const Text *m, Offsets *regions, Offsets *unused)
{
    (void)unused;
    return hidden_regions(m, regions);
}

PyDoc_STRVAR(drop_blocks_doc, "drop_blocks(markup: str) -> str\n\n"
                              "_drop_blocks(markup, fold(markup)).");

static PyObject *
fasthtml_drop_blocks(PyObject *module, PyObject *arg)
{
    return drop_one(arg, block_regions);
}

PyDoc_STRVAR(drop_hidden_doc, "drop_hidden(markup: str) -> str\n\n"
                              "_drop_hidden(markup).");

static PyObject *
fasthtml_drop_hidden(PyObject *module, PyObject *arg)
{
    return drop_one(arg, hidden_regions_only);
}

/* ------------------------------------------------------------------------------------------------ */
/* The end of _decoded, and _SPACES                                                                 */

/* _ODD_SPACES: what each odd space becomes (' ' or nothing, -1); the character itself otherwise. */
static inline int
odd_space(Py_UCS4 c)
{
    switch (c) {
    case 0xa0: case 0x2002: case 0x2003: case 0x2009: case 0x200a: case 0x202f:
        return ' ';
    case 0x200b: case 0x200c: case 0x200d: case 0xfeff: case 0xad:
        return -1;
    default:
        return (int)c;
    }
}

/* finish()'s loop, inlined once per kind (so that PyUnicode_READ and _WRITE lose their switch): in[:n]
   into out, which has room for n characters (the result is never longer); returns the length.
   prev is the last character written: only a tab right before a line break is taken back, and
   neither is a space, so the runs of spaces are those of the text after the odd-space mapping. */
static inline Py_ALWAYS_INLINE Py_ssize_t
finish_kind(int kind, const void *in, Py_ssize_t n, void *out)
{
    Py_UCS4 prev = 0;
    Py_ssize_t len = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, in, i);
        if (c >= 0xa0 && (c == 0xa0 || c == 0xad || c >= 0x2002)) {
            int mapped = odd_space(c);
            if (mapped < 0)
                continue;
            c = (Py_UCS4)mapped;
        }
        /* a repeated space is written but not counted (the next character overwrites it); a line
           break takes the place of the tab before it */
        len -= c == '\n' && prev == '\t'; /* str.replace("\t\n", "\n") */
        PyUnicode_WRITE(kind, out, len, c);
        len += !(c == ' ' && prev == ' ');
        prev = c;
    }
    return len;
}

PyDoc_STRVAR(finish_doc, "finish(text: str) -> str\n\n"
                         "The end of _decoded after _unescape, then _SPACES: odd spaces made plain or removed,\n"
                         "\"\\t\\n\" -> \"\\n\", runs of spaces -> one.");

static PyObject *
fasthtml_finish(PyObject *module, PyObject *arg)
{
    Text t;
    Buf out;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "finish() takes a str");
        return NULL;
    }
    if (text_init(&t, arg) < 0 || buf_init(&out, t.kind, t.len) < 0)
        return NULL;
    switch (t.kind) {
    case PyUnicode_1BYTE_KIND:
        out.len = finish_kind(PyUnicode_1BYTE_KIND, t.data, t.len, out.data);
        break;
    case PyUnicode_2BYTE_KIND:
        out.len = finish_kind(PyUnicode_2BYTE_KIND, t.data, t.len, out.data);
        break;
    default:
        out.len = finish_kind(PyUnicode_4BYTE_KIND, t.data, t.len, out.data);
    }
    return buf_result(&out);
}

/* ------------------------------------------------------------------------------------------------ */
/* Tabs and line ends: html_to_text's _TABS pass, then _strip_lines                                 */

PyDoc_STRVAR(tidy_doc, "tidy(text: str) -> str\n\n"
                       "html_to_text's tab clean-up (\" \\t\" -> \"\\t\", then \\t[ \\t]* -> \"\\t\") and _strip_lines.");

/* _TABS.sub("\t", text.replace(" \t", "\t")): a space right before a tab goes, and a tab swallows the
   spaces and tabs after it. Inlined once per kind, as finish_kind; out has room for n characters. */
static inline Py_ALWAYS_INLINE Py_ssize_t
tidy_tabs_kind(int kind, const void *in, Py_ssize_t n, void *out)
{
    int in_run = 0;
    Py_ssize_t len = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, in, i);
        if (in_run && (c == ' ' || c == '\t'))
            continue;
        in_run = c == '\t';
        if (c == ' ' && i + 1 < n && PyUnicode_READ(kind, in, i + 1) == '\t')
            continue;
        PyUnicode_WRITE(kind, out, len, c);
        len++;
    }
    return len;
}

static void
tidy_tabs(const Text *t, Buf *out)
{
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND:
        out->len = tidy_tabs_kind(PyUnicode_1BYTE_KIND, t->data, t->len, out->data);
        break;
    case PyUnicode_2BYTE_KIND:
        out->len = tidy_tabs_kind(PyUnicode_2BYTE_KIND, t->data, t->len, out->data);
        break;
    default:
        out->len = tidy_tabs_kind(PyUnicode_4BYTE_KIND, t->data, t->len, out->data);
    }
}

/* _strip_lines: spaces and tabs removed after each line break and before each line break. */
static int
strip_lines(const Text *t, Buf *out)
{
    Py_ssize_t start = 0;
    for (;;) {
        Py_ssize_t nl = find_char(t, '\n', start, t->len), a = start, z = nl < 0 ? t->len : nl;
        if (start > 0)
            while (a < z && (at(t, a) == ' ' || at(t, a) == '\t'))
                a++;
        if (nl >= 0)
            while (z > a && (at(t, z - 1) == ' ' || at(t, z - 1) == '\t'))
                z--;
        if (buf_put_range(out, t, a, z) < 0)
            return -1;
        if (nl < 0)
            return 0;
        if (buf_put(out, '\n') < 0)
            return -1;
        start = nl + 1;
    }
}

static PyObject *
fasthtml_tidy(PyObject *module, PyObject *arg)
{
    Text t;
    Buf tabbed = {0, NULL, 0, 0}, out = {0, NULL, 0, 0};
    PyObject *s = arg, *result = NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "tidy() takes a str");
        return NULL;
    }
    if (text_init(&t, arg) < 0)
        return NULL;
    if (find_char(&t, '\t', 0, t.len) >= 0) {
        if (buf_init(&tabbed, t.kind, t.len) < 0)
            goto done;
        tidy_tabs(&t, &tabbed);
        t.data = tabbed.data;
        t.len = tabbed.len;
        s = NULL;
    }
    if (find_char(&t, '\n', 0, t.len) < 0) { /* one line: _strip_lines leaves it as it is */
        result = s ? Py_NewRef(s) : PyUnicode_FromKindAndData(t.kind, t.data, t.len);
        goto done;
    }
    if (buf_init(&out, t.kind, t.len) < 0 || strip_lines(&t, &out) < 0)
        goto done;
    result = buf_result(&out);
done:
    buf_free(&tabbed);
    buf_free(&out);
    return result;
}

/* ------------------------------------------------------------------------------------------------ */
/* _unescape: entities                                                                              */
/*
 * _unescape replaces the common entities (_COMMON_ENTITIES) with str.replace, then, when an "&" is
 * left, either only "&amp;" (replaced) or html.unescape: the regex
 *     &(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)
 * with html._replace_charref, which looks names up in html.entities.html5 (the name, then its
 * prefixes, longest first) and numbers in html._invalid_charrefs and html._invalid_codepoints. The
 * tables are those very objects, taken from the html module at import. A decimal reference of more
 * than MAX_DECIMAL digits is left to Python: int() refuses very long ones (sys.set_int_max_str_digits),
 * and this module must fail where Python does.
 */

static PyObject *html5, *invalid_charrefs, *invalid_codepoints; /* NULL: unescape() always declines */
#define MAX_DECIMAL 20
#define BEYOND_UNICODE 0x110000 /* any number above 0x10FFFF (no table holds one: checked at import) */

/* _COMMON_ENTITIES, in its order (which does not matter: no replacement makes or breaks another). */
static const struct {
    const char *entity;
    Py_UCS4 c;
} COMMON[] = {
    {"&nbsp;", 0xa0}, {"&#160;", 0xa0}, {"&#xa0;", 0xa0}, {"&#xA0;", 0xa0}, {"&#8217;", 0x2019},
    {"&#8220;", 0x201c}, {"&#8221;", 0x201d}, {"&#8212;", 0x2014}, {"&#8211;", 0x2013},
    {"&#x2019;", 0x2019}, {"&#x201c;", 0x201c}, {"&#x201d;", 0x201d}, {"&#x2014;", 0x2014},
    {"&#x2013;", 0x2013}, {"&#8226;", 0x2022}, {"&#x2022;", 0x2022}, {"&#9679;", 0x25cf},
    {"&rsquo;", 0x2019}, {"&ldquo;", 0x201c}, {"&rdquo;", 0x201d}, {"&mdash;", 0x2014},
    {"&ndash;", 0x2013}, {"&#36;", '$'}, {"&#37;", '%'}, {"&#40;", '('}, {"&#41;", ')'},
    {"&#44;", ','}, {"&#46;", '.'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&#8203;", 0x200b},
    {NULL, 0},
};

/* The common entities replaced (4-byte buffer: they widen Latin-1 text). */
static int
replace_common(const Text *t, Buf *out)
{
    Py_ssize_t i = 0;
    for (Py_ssize_t amp = find_char(t, '&', 0, t->len); amp >= 0; amp = find_char(t, '&', i, t->len)) {
        if (buf_put_range(out, t, i, amp) < 0)
            return -1;
        int k = 0;
        while (COMMON[k].entity && !matches_ascii(t, amp, COMMON[k].entity, t->len))
            k++;
        if (COMMON[k].entity) {
            if (buf_put(out, COMMON[k].c) < 0)
                return -1;
            i = amp + (Py_ssize_t)strlen(COMMON[k].entity);
        }
        else {
            if (buf_put(out, '&') < 0)
                return -1;
            i = amp + 1;
        }
    }
    return buf_put_range(out, t, i, t->len);
}

/* Whether every "&" starts "&amp;" (text.count("&") == text.count("&amp;")). */
static int
only_amp(const Text *t)
{
    for (Py_ssize_t amp = find_char(t, '&', 0, t->len); amp >= 0; amp = find_char(t, '&', amp + 1, t->len))
        if (!matches_ascii(t, amp, "&amp;", t->len))
            return 0;
    return 1;
}

static int
hex_value(Py_UCS4 c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (int)((c | 0x20) - 'a' + 10);
    return -1;
}

/* html._replace_charref for a number (capped at BEYOND_UNICODE). */
static int
put_number(Buf *out, Py_UCS4 num)
{
    PyObject *key = PyLong_FromUnsignedLong(num), *value;
    if (key == NULL)
        return -1;
    value = PyDict_GetItemWithError(invalid_charrefs, key); /* borrowed */
    if (value != NULL) {
        Py_DECREF(key);
        return buf_put_str(out, value);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return -1;
    }
    if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) {
        Py_DECREF(key);
        return buf_put(out, 0xFFFD);
    }
    int invalid = PySet_Contains(invalid_codepoints, key);
    Py_DECREF(key);
    if (invalid < 0)
        return -1;
    return invalid ? 0 : buf_put(out, num);
}

/* html._replace_charref for a name s = t[a:z] (with its ";" if it had one). */
static int
put_name(Buf *out, const Text *t, Py_ssize_t a, Py_ssize_t z)
{
    /* s, then its prefixes s[:x] for x from len(s) - 1 down to 2 */
    for (Py_ssize_t x = z - a; x >= 2 || x == z - a; x--) {
        PyObject *key = PyUnicode_FromKindAndData(t->kind, (const char *)t->data + (size_t)a * (size_t)t->kind, x);
        if (key == NULL)
            return -1;
        PyObject *value = PyDict_GetItemWithError(html5, key); /* borrowed */
        Py_DECREF(key);
        if (value != NULL)
            return buf_put_str(out, value) < 0 ? -1 : buf_put_range(out, t, a + x, z);
        if (PyErr_Occurred())
            return -1;
    }
    return buf_put(out, '&') < 0 ? -1 : buf_put_range(out, t, a, z);
}

/* A decimal or hexadecimal reference at amp ("&#"): its end through the optional ";", and its value
   capped at BEYOND_UNICODE; 0 when neither #[0-9]+ nor #[xX][0-9a-fA-F]+ is there, -1 when the
   number is too long to be left to anything but int(). */
static int
read_number(const Text *t, Py_ssize_t amp, Py_ssize_t *end, Py_UCS4 *num)
{
    Py_ssize_t i = amp + 2, first;
    int base = 10;
    if (i < t->len && (at(t, i) == 'x' || at(t, i) == 'X') && i + 1 < t->len && hex_value(at(t, i + 1)) >= 0) {
        base = 16;
        i++;
    }
    else if (!(i < t->len && at(t, i) >= '0' && at(t, i) <= '9'))
        return 0;
    first = i;
    Py_UCS4 v = 0;
    for (; i < t->len; i++) {
        Py_UCS4 c = at(t, i);
        int d = base == 16 ? hex_value(c) : (c >= '0' && c <= '9' ? (int)(c - '0') : -1);
        if (d < 0)
            break;
        v = v * (Py_UCS4)base + (Py_UCS4)d;
        if (v > BEYOND_UNICODE)
            v = BEYOND_UNICODE; /* stays above 0x10FFFF whatever digits follow */
    }
    if (base == 10 && i - first > MAX_DECIMAL)
        return -1;
    *end = i < t->len && at(t, i) == ';' ? i + 1 : i;
    *num = v;
    return 1;
}

/* html.unescape(t) into out; 1 done, 0 declined (left to Python), -1 error. */
static int
html_unescape(const Text *t, Buf *out)
{
    Py_ssize_t i = 0;
    for (Py_ssize_t amp = find_char(t, '&', 0, t->len); amp >= 0; amp = find_char(t, '&', i, t->len)) {
        if (buf_put_range(out, t, i, amp) < 0)
            return -1;
        i = amp + 1;
        if (amp + 1 < t->len && at(t, amp + 1) == '#') {
            Py_ssize_t end;
            Py_UCS4 num;
            int found = read_number(t, amp, &end, &num);
            if (found < 0)
                return 0;
            if (found) {
                if (put_number(out, num) < 0)
                    return -1;
                i = end;
                continue;
            }
        }
        else {
            /* [^\t\n\f <&#;]{1,32};? */
            Py_ssize_t z = amp + 1;
            while (z < t->len && z - amp - 1 < 32) {
                Py_UCS4 c = at(t, z);
                if (c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#' || c == ';')
                    break;
                z++;
            }
            if (z > amp + 1) {
                if (z < t->len && at(t, z) == ';')
                    z++;
                if (put_name(out, t, amp + 1, z) < 0)
                    return -1;
                i = z;
                continue;
            }
        }
        if (buf_put(out, '&') < 0) /* no reference here */
            return -1;
    }
    return buf_put_range(out, t, i, t->len) < 0 ? -1 : 1;
}

/* "&amp;" -> "&" */
static int
replace_amp(const Text *t, Buf *out)
{
    Py_ssize_t i = 0;
    for (Py_ssize_t amp = find_ascii(t, "&amp;", 0, 0, t->len); amp >= 0; amp = find_ascii(t, "&amp;", 0, i, t->len)) {
        if (buf_put_range(out, t, i, amp + 1) < 0)
            return -1;
        i = amp + 5;
    }
    return buf_put_range(out, t, i, t->len);
}

PyDoc_STRVAR(unescape_doc, "unescape(text: str) -> str | None\n\n"
                           "_unescape(text), or None when only Python can say (the html tables are missing, or\n"
                           "a decimal reference is too long for this module).");

static PyObject *
fasthtml_unescape(PyObject *module, PyObject *arg)
{
    Text t, common;
    Buf first = {0, NULL, 0, 0}, second = {0, NULL, 0, 0};
    PyObject *result = NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "unescape() takes a str");
        return NULL;
    }
    if (html5 == NULL)
        Py_RETURN_NONE;
    if (text_init(&t, arg) < 0 || buf_init(&first, PyUnicode_4BYTE_KIND, t.len) < 0 || replace_common(&t, &first) < 0)
        goto done;
    common = buf_text(&first);
    if (find_char(&common, '&', 0, common.len) < 0) {
        result = buf_result(&first);
        goto done;
    }
    if (buf_init(&second, PyUnicode_4BYTE_KIND, common.len) < 0)
        goto done;
    if (only_amp(&common)) {
        if (replace_amp(&common, &second) == 0)
            result = buf_result(&second);
        goto done;
    }
    int status = html_unescape(&common, &second);
    if (status > 0)
        result = buf_result(&second);
    else if (status == 0)
        result = Py_NewRef(Py_None);
done:
    buf_free(&first);
    buf_free(&second);
    return result;
}

/* ------------------------------------------------------------------------------------------------ */
/* normalize_text(text, strip_lines=False), eightk.parse.text                                       */
/*
 * Its regular expressions all match whole lines: each starts at a "\n" and ends before one, with
 * nothing in between that can be a "\n". So each pass below walks the lines of the text and asks of
 * each line whether the pattern's language holds it; "\d" is a Unicode decimal digit
 * (Py_UNICODE_ISDECIMAL) and strip() strips Unicode whitespace, as in Python. The passes run in
 * normalize_text's order, each over the previous one's result: lines_pass (the "\n" padding, form
 * feeds, _PAGE_MARKER, _DASH_ESCAPE), page_number_pass (_drop_page_numbers), then _BLANK_RUNS and
 * strip("\n") in normalize().
 */

/* Line reading: t[i:end] is the rest of a line; each reader returns where it stops. */
static Py_ssize_t
skip_blanks(const Text *t, Py_ssize_t i, Py_ssize_t end) /* [ \t]* */
{
    while (i < end && (at(t, i) == ' ' || at(t, i) == '\t'))
        i++;
    return i;
}

static Py_ssize_t
skip_digits(const Text *t, Py_ssize_t i, Py_ssize_t end, Py_ssize_t most) /* \d{0,most} */
{
    Py_ssize_t start = i;
    while (i < end && i - start < most && Py_UNICODE_ISDECIMAL(at(t, i)))
        i++;
    return i;
}

/* \d{1,3}: where the 1 to 3 digits at i end, or -1 (what may follow a page number is never a digit,
   so a longer number fails there). */
static Py_ssize_t
read_page(const Text *t, Py_ssize_t i, Py_ssize_t end)
{
    Py_ssize_t z = skip_digits(t, i, end, 3);
    return z > i ? z : -1;
}

/* _PAGE_MARKER's line: [ \t]*</?(?:PAGE|page|Page)>[ \t]*\d*[ \t]* */
static int
page_marker_line(const Text *t, Py_ssize_t i, Py_ssize_t end)
{
    i = skip_blanks(t, i, end);
    if (i >= end || at(t, i) != '<')
        return 0;
    i++;
    if (i < end && at(t, i) == '/')
        i++;
    if (!(matches_ascii(t, i, "PAGE>", end) || matches_ascii(t, i, "page>", end) || matches_ascii(t, i, "Page>", end)))
        return 0;
    i = skip_blanks(t, i + 5, end);
    i = skip_digits(t, i, end, PY_SSIZE_T_MAX);
    return skip_blanks(t, i, end) == end;
}

static inline int
is_roman(Py_UCS4 c) /* [ivxIVX] */
{
    return c == 'i' || c == 'v' || c == 'x' || c == 'I' || c == 'V' || c == 'X';
}

/* _PAGE_NUMBER's line (the regex alternatives in order):
   [ \t]*(?:\d{1,3}|-[ \t]*\d{1,3}[ \t]*-|\(?[ \t]*[Pp]age[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?[ \t]*\)?|[ivxIVX]{1,5})[ \t]*
   0 when the line is none of them; else 1, and *cut_anyway when m.group(0).strip().lower() starts
   with "page", "(page" or "-" (a page number by its look alone). */
static int
page_number_line(const Text *t, Py_ssize_t i, Py_ssize_t end, int *cut_anyway)
{
    i = skip_blanks(t, i, end);
    Py_ssize_t start = i, z;
    *cut_anyway = 0;
    if ((z = read_page(t, i, end)) >= 0) /* 2 */
        return skip_blanks(t, z, end) == end;
    if (i < end && at(t, i) == '-') { /* - 2 - */
        z = read_page(t, skip_blanks(t, i + 1, end), end);
        if (z < 0)
            return 0;
        z = skip_blanks(t, z, end);
        *cut_anyway = 1;
        return z < end && at(t, z) == '-' && skip_blanks(t, z + 1, end) == end;
    }
    if (i < end && at(t, i) == '(') /* Page 2 of 6 */
        i++;
    int paren = i > start;
    i = skip_blanks(t, i, end);
    if (i < end && (at(t, i) == 'P' || at(t, i) == 'p') && matches_ascii(t, i + 1, "age", end)) {
        *cut_anyway = !paren || i == start + 1; /* "page…", or "(page…" with nothing between */
        z = skip_blanks(t, i + 4, end);
        if (z == i + 4 || (z = read_page(t, z, end)) < 0)
            return 0;
        Py_ssize_t of = skip_blanks(t, z, end);
        if (of > z && matches_ascii(t, of, "of", end)) {
            Py_ssize_t n = skip_blanks(t, of + 2, end);
            if (n == of + 2 || (z = read_page(t, n, end)) < 0)
                return 0;
        }
        z = skip_blanks(t, z, end);
        if (z < end && at(t, z) == ')')
            z++;
        return skip_blanks(t, z, end) == end;
    }
    *cut_anyway = 0;
    i = start; /* ii, IV */
    while (i < end && i - start < 6 && is_roman(at(t, i)))
        i++;
    return i > start && i - start <= 5 && skip_blanks(t, i, end) == end;
}

/* Whether t[a:z] is empty or all whitespace (not t[a:z].strip()). */
static int
blank_line(const Text *t, Py_ssize_t a, Py_ssize_t z)
{
    for (; a < z; a++)
        if (!is_space(at(t, a)))
            return 0;
    return 1;
}

/* "\n" + text.replace("\f", "\n") + "\n", then _PAGE_MARKER.sub("\n", ...) (a marker line loses its
   text) and _DASH_ESCAPE.sub("\n", ...) (a line starting "- -" loses its "- "). */
static int
lines_pass(const Text *t, Buf *out)
{
    Py_ssize_t a = 0;
    int form_feeds = find_char(t, '\f', 0, t->len) >= 0;
    if (buf_put(out, '\n') < 0)
        return -1;
    for (;;) {
        Py_ssize_t z = find_char(t, '\n', a, t->len), ff; /* the line t[a:z], ended by "\n", "\f" or the end */
        if (z < 0)
            z = t->len;
        if (form_feeds && (ff = find_char(t, '\f', a, z)) >= 0)
            z = ff;
        if (page_marker_line(t, a, z))
            a = z;
        else if (matches_ascii(t, a, "- -", z))
            a += 2;
        if (buf_put_range(out, t, a, z) < 0 || buf_put(out, '\n') < 0)
            return -1;
        if (z == t->len)
            return 0;
        a = z + 1;
    }
}

/* _drop_page_numbers: a page-number line goes, with its "\n", when its look says so, or when the line
   before it is blank or went too, or the line after it is blank or the last. t starts with "\n". */
static int
page_number_pass(const Text *t, Buf *out)
{
    Py_ssize_t n = t->len, s = 0, prev = -1, kept = 0, last_end = -2;
    while (s < n) { /* the "\n" at s, the line t[s+1:e], the "\n" at e */
        Py_ssize_t e = find_char(t, '\n', s + 1, n);
        int cut_anyway;
        if (e < 0)
            break;
        if (page_number_line(t, s + 1, e, &cut_anyway)) {
            Py_ssize_t next = find_char(t, '\n', e + 1, n);
            int before = last_end == s || blank_line(t, prev + 1, s);
            int after = e >= n - 1 || blank_line(t, e + 1, next >= 0 ? next : n);
            if (cut_anyway || before || after) {
                if (buf_put_range(out, t, kept, s + 1) < 0)
                    return -1;
                kept = e + 1;
                last_end = e;
            }
        }
        prev = s;
        s = e;
    }
    return buf_put_range(out, t, kept, n);
}

PyDoc_STRVAR(normalize_doc, "normalize(text: str) -> str\n\n"
                            "normalize_text(text, strip_lines=False).");

static PyObject *
fasthtml_normalize(PyObject *module, PyObject *arg)
{
    Text t, lines;
    Buf first = {0, NULL, 0, 0}, second = {0, NULL, 0, 0};
    PyObject *result = NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "normalize() takes a str");
        return NULL;
    }
    if (text_init(&t, arg) < 0 || buf_init(&first, t.kind, t.len + 2) < 0 || lines_pass(&t, &first) < 0)
        goto done;
    lines = buf_text(&first);
    if (buf_init(&second, t.kind, lines.len) < 0 || page_number_pass(&lines, &second) < 0)
        goto done;
    /* _BLANK_RUNS.sub("\n\n", ...) then strip("\n"), in place */
    Py_ssize_t a = 0, z = second.len, len = 0;
    Text pages = buf_text(&second);
    while (a < z && at(&pages, a) == '\n')
        a++;
    while (z > a && at(&pages, z - 1) == '\n')
        z--;
    for (Py_ssize_t i = a; i < z; i++) {
        Py_UCS4 c = at(&pages, i);
        if (c == '\n' && len >= 2 && PyUnicode_READ(second.kind, second.data, len - 1) == '\n' &&
            PyUnicode_READ(second.kind, second.data, len - 2) == '\n')
            continue;
        PyUnicode_WRITE(second.kind, second.data, len, c);
        len++;
    }
    second.len = len;
    result = buf_result(&second);
done:
    buf_free(&first);
    buf_free(&second);
    return result;
}

/* ------------------------------------------------------------------------------------------------ */
/* The module                                                                                       */

/* The html module's tables, or NULL (and no error) when they are not what this file expects. */
static int
load_html_tables(void)
{
    PyObject *html = PyImport_ImportModule("html"), *entities = PyImport_ImportModule("html.entities");
    if (html && entities) {
        html5 = PyObject_GetAttrString(entities, "html5");
        invalid_charrefs = PyObject_GetAttrString(html, "_invalid_charrefs");
        invalid_codepoints = PyObject_GetAttrString(html, "_invalid_codepoints");
    }
    Py_XDECREF(html);
    Py_XDECREF(entities);
    int ok = html5 && PyDict_Check(html5) && invalid_charrefs && PyDict_Check(invalid_charrefs) &&
             invalid_codepoints && PyAnySet_Check(invalid_codepoints);
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (ok && PyDict_Next(invalid_charrefs, &pos, &key, &value)) {
        long k = PyLong_Check(key) ? PyLong_AsLong(key) : -1;
        ok = k >= 0 && k <= 0x10FFFF && PyUnicode_Check(value);
    }
    pos = 0;
    while (ok && PyDict_Next(html5, &pos, &key, &value))
        ok = PyUnicode_Check(value);
    PyErr_Clear();
    if (!ok) {
        Py_CLEAR(html5);
        Py_CLEAR(invalid_charrefs);
        Py_CLEAR(invalid_codepoints);
    }
    return 0;
}

static PyMethodDef fasthtml_methods[] = {
    {"flow", fasthtml_flow, METH_O, flow_doc},
    {"drop", fasthtml_drop, METH_O, drop_doc},
    {"drop_blocks", fasthtml_drop_blocks, METH_O, drop_blocks_doc},
    {"drop_hidden", fasthtml_drop_hidden, METH_O, drop_hidden_doc},
    {"finish", fasthtml_finish, METH_O, finish_doc},
    {"tidy", fasthtml_tidy, METH_O, tidy_doc},
    {"normalize", fasthtml_normalize, METH_O, normalize_doc},
    {"unescape", fasthtml_unescape, METH_O, unescape_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fasthtml_module = {
    PyModuleDef_HEAD_INIT,
    "_fasthtml",
    "C versions of the hot passes of eightk.parse.html; each returns exactly what its Python\n"
    "counterpart there returns.",
    -1,
    fasthtml_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit__fasthtml(void)
{
    if (load_html_tables() < 0)
        return NULL;
    return PyModule_Create(&fasthtml_module);
}
