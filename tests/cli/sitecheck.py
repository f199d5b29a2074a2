#!/usr/bin/env python3
"""sitecheck.py SITE_DIR [URL]: checks a published site the way a browser, a feed reader and
a search engine would read it. Prints "ok NAME" / "FAIL NAME: why" lines.

Every .html file parses as HTML5 with no parse error (html5lib, strict); every .atom file is
an Atom 1.0 feed with its required elements; sitemap files follow sitemaps.org; every JSON
file parses; every link inside the site (a, link, the feeds' links, sitemap locations, the
JSON index's paths) resolves to a file; no page carries a raw <script>.
"""
import json
import os
import sys
import urllib.parse

try:
    import html5lib
    from lxml import etree
except ImportError:
    print("skip site checks (needs Debian's python3-html5lib and python3-lxml: make deps)")
    sys.exit(0)

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
root = os.path.abspath(sys.argv[1])
url = sys.argv[2] if len(sys.argv) > 2 else ""
problems = {}


def problem(kind, msg):
    problems.setdefault(kind, []).append(msg)


def target(base_file, href):
    """The file a link from base_file names, or None for an outside link."""
    if url and href.startswith(url):
        href = href[len(url):]
        base = root
    elif "://" in href or href.startswith(("mailto:", "#")):
        return None
    else:
        base = os.path.dirname(base_file)
    path = urllib.parse.unquote(href.split("#")[0].split("?")[0])
    full = os.path.normpath(os.path.join(base, path))
    if full == root or path == "" or path.endswith("/"):
        full = os.path.join(full, "index.html")
    return full


def check_link(f, href):
    t = target(f, href)
    if t is None:
        return
    if not t.startswith(root):
        problem("links", f"{f}: '{href}' leaves the site")
    elif not os.path.isfile(t):
        problem("links", f"{os.path.relpath(f, root)}: '{href}' does not resolve")


def check_html(f):
    data = open(f, "rb").read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        doc = parser.parse(data)
    except Exception as e:
        problem("html5", f"{os.path.relpath(f, root)}: {e}")
        return
    if doc.find(".//script") is not None:
        problem("escaping", f"{os.path.relpath(f, root)}: a <script> element")
    if doc.find("head/title") is None or not (doc.find("head/title").text or "").strip():
        problem("html5", f"{os.path.relpath(f, root)}: no title")
    for el in doc.iter():
        if el.tag in ("a", "link") and el.get("href"):
            check_link(f, el.get("href"))


def need(el, path, f, what):
    if el.find(path) is None:
        problem(what, f"{os.path.relpath(f, root)}: no {path.replace(ATOM, '')}")


def check_atom(f):
    feed = etree.parse(f).getroot()
    if feed.tag != ATOM + "feed":
        problem("atom", f"{f}: root is {feed.tag}")
        return
    for p in ("id", "title", "updated"):
        need(feed, ATOM + p, f, "atom")
    has_author = feed.find(ATOM + "author/" + ATOM + "name") is not None
    for e in feed.findall(ATOM + "entry"):
        for p in ("id", "title", "updated"):
            need(e, ATOM + p, f, "atom")
        if not has_author and e.find(ATOM + "author") is None:
            problem("atom", f"{f}: an entry without an author")
        links = [l for l in e.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
        if not links:
            problem("atom", f"{f}: an entry without a link")
        for l in links:
            check_link(f, l.get("href"))


def check_sitemap(f):
    doc = etree.parse(f).getroot()
    if doc.tag == SM + "sitemapindex":
        items = doc.findall(SM + "sitemap")
    elif doc.tag == SM + "urlset":
        items = doc.findall(SM + "url")
        if len(items) > 50000:
            problem("sitemap", f"{f}: more than 50,000 URLs")
    else:
        problem("sitemap", f"{f}: root is {doc.tag}")
        return
    for it in items:
        loc = it.find(SM + "loc")
        if loc is None or not loc.text.startswith(url or "http"):
            problem("sitemap", f"{f}: a location that is not absolute")
        else:
            check_link(f, loc.text)


def check_json(f):
    d = json.load(open(f, encoding="utf-8"))
    rel = os.path.relpath(f, root)
    if rel == "index.json" or rel.startswith("archive/"):
        for it in d.get("items", []):
            for k in ("html", "ninjs"):
                if not os.path.isfile(os.path.join(root, it[k])):
                    problem("json", f"{rel}: '{it[k]}' does not resolve")
            if "body" in it or "bodies" in it:
                problem("json", f"{rel}: full text in the index")
        for m in d.get("months", []) + d.get("days", []):
            if not os.path.isfile(os.path.join(root, m["href"])):
                problem("json", f"{rel}: '{m['href']}' does not resolve")


counts = {"html": 0, "atom": 0, "xml": 0, "json": 0}
for dirpath, dirs, files in os.walk(root):
    for name in files:
        f = os.path.join(dirpath, name)
        try:
            if name.endswith(".html"):
                counts["html"] += 1
                check_html(f)
            elif name.endswith(".atom"):
                counts["atom"] += 1
                check_atom(f)
            elif name.endswith(".xml"):
                counts["xml"] += 1
                check_sitemap(f)
            elif name.endswith(".json"):
                counts["json"] += 1
                check_json(f)
        except Exception as e:
            problem("parse", f"{os.path.relpath(f, root)}: {e}")

for kind in ("html5", "escaping", "atom", "sitemap", "json", "links", "parse"):
    if kind in problems:
        print(f"FAIL site {kind}: " + "; ".join(problems[kind][:5]))
    else:
        print(f"ok site {kind} ({counts['html']} pages, {counts['atom']} feeds, "
              f"{counts['xml']} sitemaps, {counts['json']} JSON files)")
