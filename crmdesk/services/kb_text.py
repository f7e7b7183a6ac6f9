"""The text side of the knowledge base, pure: an article's HTML as plain text, tags as typed,
a snippet around a searched word, and the meaningful terms of a ticket's text for suggestions
(Chinese split into overlapping character pairs, English stemmed, function words dropped)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser

from crmdesk.services.search import FTS_TERM_CHARS
from crmdesk.services.text import fold, is_cjk, space_cjk

_BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote pre hr".split())
_HIDDEN_TAGS = frozenset({"head", "style", "script", "title"})
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def _end_line(self) -> None:
        # A block starts or ends a line, once: <p>a</p><p>b</p> is two lines, not three.
        if self.parts and self.parts[-1] != "\n":
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self._end_line()
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS and tag != "br":
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        # Whitespace in HTML source is one space; lines come from the block tags.
        data = _SPACES.sub(" ", data)
        if data.strip() or (self.parts and self.parts[-1] != "\n"):
            self.parts.append(data)


def html_to_text(body_html: str) -> str:
    """The plain text of an article body: one line per paragraph or list item, at most one
    blank line in a row, no markup."""
    parser = _TextExtractor()
    parser.feed(body_html or "")
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def plain_to_html(plain: str) -> str:
    """Plain text (a ticket's solution) as paragraphs of HTML, line breaks kept."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", plain.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


_TAG_SPLIT = re.compile(r"[,，;；、]")


def parse_tags(tags: Iterable[str] | str | None) -> tuple[str, ...]:
    """Tags as the user typed them, split on commas (也可用中文逗号/顿号), trimmed, without
    repeats (case-insensitive), in their order."""
    if tags is None:
        return ()
    if isinstance(tags, str):
        tags = [tags]
    out: list[str] = []
    seen: set[str] = set()
    for chunk in tags:
        for tag in _TAG_SPLIT.split(chunk or ""):
            tag = " ".join(tag.split())
            key = fold(tag)
            if tag and key not in seen:
                seen.add(key)
                out.append(tag)
    return tuple(out)


SNIPPET_CHARS = 120


def snippet(body_text: str, words: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """One line of the body around the earliest of ``words`` (folded, CJK not spaced)."""
    flat = " ".join(body_text.split())
    if not flat:
        return ""
    lowered = flat.casefold()
    hits = [i for i in (lowered.find(w) for w in words if w) if i >= 0]
    start = 0
    if hits:
        first = min(hits)
        # A little context before the word, the rest after it.
        start = max(0, first - 12)
        space = flat.find(" ", start, first)
        if start > 0 and space >= 0:
            start = space + 1  # begin with a whole word
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    piece = flat[start:end].strip()
    if start > 0:
        piece = "…" + piece
    if end < len(flat):
        piece += "…"
    return piece


# Words that say nothing about what a ticket is about.
_EN_STOPWORDS = frozenset(
    """
    a about after again all also am an and any are as at be been before being but by can
    cannot can't could did does doesn't don't done for from get gets got had has have having
    he her here him his how i i'm if in into is isn't it it's its just me more my no not now of
    off on once only or our out over please same she should so some still than that the their
    them then there these they this those to too up us very was wasn't we were what when where
    which while who why will with won't would you your hello hi thanks thank help issue problem
    customer customers since today yesterday keeps keep again tried try trying anymore
    aren't weren't didn't couldn't shouldn't haven't hasn't
    """.split()
)
_ZH_STOPWORDS = frozenset(
    """
    我们 你们 他们 她们 它们 客户 这个 那个 一个 什么 怎么 如何 为什 可以 不能 无法 没有 已经
    还是 但是 因为 所以 如果 需要 现在 今天 昨天 问题 一下 一直 时候 就是 还有 不是 不会 不了
    出现 情况 请问 您好 你好 谢谢 麻烦 帮忙 是否 能否 这样 那样 然后 之后 以后 之前 反映 反馈
    """.split()
)
# Particles and function words end a Chinese word: 打印机的网络 is 打印机 and 网络 (not 机的,
# 的网), 打印机无法连接 is 打印机 and 连接 (not 机无, 法连).
_ZH_BREAKS = re.compile(
    "[的了吗呢吧啊呀哦嘛和与及或把被]|" + "|".join(sorted(_ZH_STOPWORDS, key=len, reverse=True))
)
# Tried in order; the first that leaves at least four letters is taken off.
_EN_SUFFIXES = tuple("ations ation ings ing ers er ions ion ed es s".split())
MAX_TERMS = 32


def _stem(word: str) -> str:
    """A crude English stem: matching is by substring, so 'print' finds printer and printing."""
    for suffix in _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def suggestion_terms(text: str, limit: int = MAX_TERMS) -> list[str]:
    """The meaningful terms of a ticket's text as search keys, in order of appearance.

    Chinese has no spaces between words, so each run of Chinese characters gives its
    overlapping two-character pieces (打印机无法连接网络 → 打印, 印机, …, 连接, 网络); an
    article about the same thing shares most of them. English words are stemmed. Function
    words of both languages are left out."""
    folded = fold(text)
    terms: list[str] = []
    seen: set[str] = set()

    def add(term: str) -> None:
        if term not in seen:
            seen.add(term)
            terms.append(term)

    def flush_cjk(run: str) -> None:
        for part in _ZH_BREAKS.split(run):
            for i in range(len(part) - 1):
                add(space_cjk(part[i : i + 2]))

    def flush_word(word: str) -> None:
        word = word.strip("'")
        if len(word) >= 3 and word not in _EN_STOPWORDS:
            add(_stem(word)[:FTS_TERM_CHARS])

    run, kind = "", ""
    for ch in folded + " ":
        now = "cjk" if is_cjk(ch) else "word" if (ch.isalnum() or ch == "'") else ""
        if now != kind:
            if kind == "cjk":
                flush_cjk(run)
            elif kind == "word":
                flush_word(run)
            run, kind = "", now
        if now:
            run += ch
        if len(terms) >= limit:
            break
    return terms[:limit]
