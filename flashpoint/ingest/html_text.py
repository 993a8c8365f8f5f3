"""Plain text from an HTML page with the standard library's parser (nothing is fetched or run).

Script, style and other non-content elements are dropped with their contents; block elements
become line breaks; character references are decoded. The <title> and an
``article:published_time`` (or ``date``) meta tag are kept as metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Optional

# Elements whose contents are never article text.
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe",
                     "object", "embed", "canvas", "select", "button", "nav", "footer", "form"})
# Elements that end a line of text.
BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                    "blockquote", "section", "article", "header", "tr", "table", "hr", "pre",
                    "figcaption", "dd", "dt", "main", "aside"})
DATE_META = ("article:published_time", "date", "pubdate", "dc.date", "og:published_time")
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "wbr"})


@dataclass
class HtmlArticle:
    text: str
    title: Optional[str] = None
    published: Optional[str] = None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_head = False
        self.in_title = False
        self.title_parts: list[str] = []
        self.published: Optional[str] = None

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
        elif tag == "body" or tag in BLOCKS:
            self.in_head = False  # as in browsers, body content ends an unclosed <head>
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            self._meta(dict(attrs))
        if tag in SKIPPED and tag not in VOID:
            self.skip_depth += 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "meta":
            self._meta(dict(attrs))
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "title":
            self.in_title = False
        if tag in SKIPPED and self.skip_depth:
            self.skip_depth -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth and not self.in_head:
            self.parts.append(data)

    def _meta(self, attrs: dict) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key in DATE_META and attrs.get("content") and self.published is None:
            self.published = attrs["content"]


def html_to_text(markup: str) -> HtmlArticle:
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts)
    lines = (re.sub(r"[ \t\f\v\xa0]+", " ", line).strip() for line in raw.split("\n"))
    text = "\n".join(line for line in lines if line)
    title = re.sub(r"\s+", " ", "".join(parser.title_parts)).strip() or None
    return HtmlArticle(text=text, title=title, published=parser.published)
