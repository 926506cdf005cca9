"""`militancy ingest PATH...`: put a source file's text into corpus/ and propose its documents row for review.

- `.txt`: the file's UTF-8 text, unchanged.
- `.html` / `.htm`: the page's visible text in document order (blocks on their own lines, white space inside a
  block collapsed), with the main text found by trafilatura marked as the `article` region and the rest as
  `page_chrome` (and `reader_comments` where trafilatura finds comments): proposed `document_regions` rows.
- `.pdf`: pypdf's text of each page, pages separated by a form feed (U+000C), so page N is the text after the
  (N-1)th form feed; `review/<doc_id>/pages.csv` gives each page's character offsets. Hyphenation across line
  breaks is kept exactly as pypdf extracts it (quotes must then contain it, as in doc_003).

The text is written to `corpus/NNN_<sha16>.txt`, where NNN is the next free document number and sha16 the first
16 hex digits of the sha256 of the original file's bytes; the proposed rows go to `review/doc_NNN/` (never to
seeds/: `militancy accept` moves them after review). Everything is written to temporary names and renamed into
place at the end, so a refused or failed file leaves nothing behind. Dates are only those the file states
(page metadata, a dateline): `date_note` says which were read and which are unknown; nothing is guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from militancy import textcheck
from militancy.seed_schema import SEEDS

REVIEW_DIR = "review"
DECISION = "review_decision"
FORM_FEED = "\f"


# Bounds on one document: a file larger than this is refused before it is read, and so is an extracted text
# longer than this (about 300,000 words, a long book): every later step (annotate, validate, the build's offsets)
# is linear in the text, and a corpus document is one article or report, not an archive.
MAX_SOURCE_BYTES = 25 * 1024 * 1024
MAX_TEXT_CHARS = 2_000_000


class IngestError(ValueError):
    """The file was refused; nothing was written."""


@dataclass
class Extracted:
    text: str
    title: str
    kind: str
    published_date: str = ""
    published_precision: str = "unknown"
    date_notes: list[str] = field(default_factory=list)
    author: str = ""
    publisher: str = ""
    language: str = ""
    # (region_type, char_start, char_end, note)
    regions: list[tuple[str, int, int, str]] = field(default_factory=list)
    pages: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Ingested:
    document_id: str
    corpus_file: Path
    review_dir: Path
    char_count: int


# ---------------------------------------------------------------------------------------------- extraction


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def _convert_hint(encoding: str) -> str:
    return f"save it as UTF-8 (e.g. `iconv -f {encoding} -t UTF-8`); nothing was written"


def _refuse_binary(data: bytes, name: str, html: bool = False) -> str:
    """The file's text, which must be UTF-8; otherwise an error naming the encoding it is in where that is known
    (a UTF-16 or UTF-32 byte-order mark, UTF-16 without one, or an HTML page's declared charset)."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise IngestError(f"{name}: {encoding} text (byte-order mark), not UTF-8; {_convert_hint(encoding)}")
    if b"\x00" in data:
        odd, even = data[1::2].count(0), data[0::2].count(0)
        if max(odd, even) > len(data) // 4:  # every other byte NUL: ASCII-range text in UTF-16
            encoding = "UTF-16LE" if odd > even else "UTF-16BE"
            raise IngestError(
                f"{name}: looks like {encoding} text without a byte-order mark; {_convert_hint(encoding)}"
            )
        raise IngestError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _DECLARED_CHARSET.search(data[:4096]) if html else None
        if declared and declared.group(1).decode("ascii", "replace").lower().replace("_", "-") not in ("utf-8", "utf8"):
            charset = declared.group(1).decode("ascii", "replace")
            raise IngestError(
                f"{name}: the page declares charset {charset}, not UTF-8; {_convert_hint(charset)}"
            ) from exc
        raise IngestError(f"{name}: not UTF-8 text ({exc})") from exc


_DATELINE = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}|(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{4})\b"
)


def _dateline(text: str) -> tuple[str, str] | None:
    """A full date in the first three non-empty lines (a dateline or byline), as (iso, words)."""
    head = "\n".join([line for line in text.splitlines() if line.strip()][:3])
    match = _DATELINE.search(head)
    if not match:
        return None
    words = match.group(1)
    for fmt in ("%Y-%m-%d", "%B %d, %Y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(words, fmt).date().isoformat(), words
        except ValueError:
            continue
    return None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:200]
    return ""


def extract_txt(data: bytes, name: str) -> Extracted:
    text = _refuse_binary(data, name)
    out = Extracted(text=text, title=_first_line(text), kind="txt")
    out.regions.append(
        (
            "article",
            0,
            len(text),
            "Plain text file: proposed as article text throughout; mark any chrome, comments or references by hand.",
        )
    )
    _date_from_text(out)
    return out


def _date_from_text(out: Extracted) -> None:
    found = _dateline(out.text)
    if found:
        out.published_date, out.published_precision = found[0], "day"
        out.date_notes.append(f"published_date read from the opening lines: {found[1]!r}")
    else:
        out.date_notes.append("published_date unknown: no full date in the opening lines")


_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "title",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "iframe"}


def visible_text(root) -> str:  # type: ignore[no-untyped-def]
    """The page's visible text in document order: one line per block, white space in a block collapsed."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            blocks.append(line)
        current.clear()

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS:
            if node.tail:
                current.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            flush()
        if node.text and tag:
            current.append(node.text)
        for child in node:
            walk(child)
        if block:
            flush()
        if node.tail:
            current.append(node.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return "\n".join(blocks) + "\n"


def extract_html(data: bytes, name: str) -> Extracted:
    import lxml.html
    import trafilatura
    from htmldate import find_date

    raw = _refuse_binary(data, name, html=True)
    try:
        root = lxml.html.document_fromstring(raw)
    except Exception as exc:  # lxml raises several types for unparsable input
        raise IngestError(f"{name}: not readable as HTML ({exc})") from exc
    text = visible_text(root)
    if not text.strip():
        raise IngestError(f"{name}: the page has no visible text")
    doc = trafilatura.bare_extraction(raw, include_comments=True, with_metadata=True)
    title = (doc.title if doc is not None and doc.title else "") or _first_line(text)
    out = Extracted(text=text, title=title, kind="html")
    if doc is not None:
        out.author, out.publisher = doc.author or "", doc.sitename or ""
        out.language = doc.language or ""
    date = find_date(raw, extensive_search=False, original_date=True)
    if date:
        out.published_date, out.published_precision = date, "day"
        out.date_notes.append(f"published_date {date} read from the page's date markup (htmldate, no guessing)")
    else:
        out.date_notes.append("published_date unknown: the page's markup states no date")
    main = _locate_paragraphs(text, (doc.text or "") if doc is not None else "", 0)
    comments = _locate_paragraphs(text, (doc.comments or "") if doc is not None else "", main[1] if main else 0)
    _html_regions(out, main, comments)
    return out


def _locate_paragraphs(text: str, extracted: str, after: int) -> tuple[int, int] | None:
    """Span of the visible text from trafilatura's first to its last paragraph (None when not found)."""
    paragraphs = [" ".join(p.split()) for p in extracted.splitlines() if p.strip()]
    if not paragraphs:
        return None
    start = text.find(paragraphs[0], after)
    if start < 0:
        return None
    last = text.rfind(paragraphs[-1], start)
    if last < 0:
        return None
    return start, last + len(paragraphs[-1])


def _html_regions(out: Extracted, main: tuple[int, int] | None, comments: tuple[int, int] | None) -> None:
    n = len(out.text.rstrip("\n"))
    if main is None:
        out.regions.append(
            (
                "article",
                0,
                n,
                "trafilatura found no main text: whole page proposed as article; mark the chrome by hand.",
            )
        )
        return
    spans = [("page_chrome", 0, main[0], "Page chrome before the main text (navigation, header).")]
    spans.append(("article", main[0], main[1], "Main text as trafilatura extracts it."))
    rest = main[1]
    if comments and comments[0] >= main[1]:
        spans.append(("page_chrome", main[1], comments[0], "Page chrome between the main text and the comments."))
        spans.append(("reader_comments", comments[0], comments[1], "Reader comments as trafilatura finds them."))
        rest = comments[1]
    spans.append(("page_chrome", rest, n, "Page chrome after the main text (footer, links)."))
    out.regions.extend(span for span in spans if out.text[span[1] : span[2]].strip())


def extract_pdf(data: bytes, name: str) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError(f"{name}: not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError(f"{name}: the PDF is encrypted; decrypt it first (nothing was written)")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise IngestError(f"{name}: unreadable PDF ({exc})") from exc
    text = FORM_FEED.join(pages)
    if not text.replace(FORM_FEED, "").strip():
        raise IngestError(f"{name}: the PDF has no extractable text (scanned images need OCR first)")
    meta_title = str(info.title).strip() if info is not None and info.title else ""
    out = Extracted(text=text, title=meta_title or _first_line(text), kind="pdf")
    if info is not None and info.author:
        out.author = str(info.author).strip()
    offset = 0
    for number, page in enumerate(pages, start=1):
        out.pages.append((number, offset, offset + len(page)))
        offset += len(page) + 1
    out.regions.append(
        (
            "article",
            0,
            len(text.rstrip()),
            "PDF text: proposed as article text throughout; mark headers, footers and reference lists by hand.",
        )
    )
    _date_from_text(out)
    created = info.get("/CreationDate") if info is not None else None
    if created:
        out.date_notes.append(f"PDF metadata CreationDate {created!s} (when the file was made; not a publication date)")
    return out


EXTRACTORS = {".txt": extract_txt, ".html": extract_html, ".htm": extract_html, ".pdf": extract_pdf}


def _extractor(path: Path) -> Callable[[bytes, str], Extracted]:
    suffix = path.suffix.lower()
    if suffix not in EXTRACTORS:
        raise IngestError(f"{path}: unsupported file type {suffix!r} (use .txt, .html, .htm or .pdf)")
    return EXTRACTORS[suffix]


def read_source(path: Path) -> bytes:
    """The bytes of a file of a supported type (IngestError for another type or an unreadable file)."""
    _extractor(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc})") from exc


def extract(path: Path, data: bytes | None = None) -> Extracted:
    """The text and metadata of `path` (its bytes `data` when the caller has read them already)."""
    return _extractor(path)(read_source(path) if data is None else data, str(path))


# ---------------------------------------------------------------------------------------------- proposals


def _region_words(text: str, start: int, end: int) -> tuple[str, str]:
    """Shortest first and last words of [start, end) that the region locator finds at exactly those offsets:
    the first occurrence of starts_with must be at start, and the first occurrence of ends_with at or after
    it must end at end."""
    segment = text[start:end]
    starts_with = ends_with = segment
    shortest = textcheck.MIN_REGION_WORDS_CHARS  # the validator's floor for region marker words
    for n in range(shortest, len(segment) + 1, 2):
        candidate = segment[:n].rstrip()
        if len(candidate) >= shortest and text.find(candidate) == start:
            starts_with = candidate
            break
    for n in range(shortest, len(segment) + 1, 2):
        candidate = segment[-n:].lstrip()
        if len(candidate) >= shortest and text.find(candidate, start) == end - len(candidate):
            ends_with = candidate
            break
    return starts_with, ends_with


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _used_numbers(project_dir: Path) -> set[int]:
    used = set()
    for path in (project_dir / "corpus").glob("*.txt"):
        if path.name[:3].isdigit():
            used.add(int(path.name[:3]))
    review = project_dir / REVIEW_DIR
    if review.is_dir():
        for path in review.glob("doc_*"):
            if path.name[4:].isdigit():
                used.add(int(path.name[4:]))
    documents = project_dir / "seeds" / "documents.csv"
    if documents.exists():
        with documents.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["document_id"][4:].isdigit():
                    used.add(int(row["document_id"][4:]))
    return used


def _known_hashes(project_dir: Path) -> dict[str, str]:
    """sha256 of every corpus file and source-file prefix in a corpus name -> the file."""
    known = {}
    for path in (project_dir / "corpus").glob("*.txt"):
        known[hashlib.sha256(path.read_bytes()).hexdigest()] = path.name
        known[path.stem.partition("_")[2]] = path.name
    return known


def ingest(project_dir: Path, paths: list[Path]) -> list[Ingested]:
    """Ingest every file or refuse all of them: each is extracted and checked before anything is written."""
    project_dir = project_dir.resolve()
    known = _known_hashes(project_dir)
    used = _used_numbers(project_dir)
    planned: list[tuple[Path, Extracted, str, str, int]] = []
    for path in paths:
        if not Path(path).is_file():
            raise IngestError(f"{path}: no such file")
        size = Path(path).stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise IngestError(
                f"{path}: {size / 2**20:,.0f} MiB is over the limit of {MAX_SOURCE_BYTES // 2**20} MiB for one "
                "document; split it into its articles or reports (nothing was written)"
            )
        data = read_source(Path(path))
        extracted = extract(Path(path), data)  # read once: the same bytes are hashed below
        if len(extracted.text) > MAX_TEXT_CHARS:
            raise IngestError(
                f"{path}: its text of {len(extracted.text):,} characters is over the limit of {MAX_TEXT_CHARS:,} "
                "for one document; split it (nothing was written)"
            )
        source16 = hashlib.sha256(data).hexdigest()[:16]
        text_sha = hashlib.sha256(extracted.text.encode("utf-8")).hexdigest()
        for key in (text_sha, source16):
            if key in known:
                raise IngestError(f"{path}: duplicate of corpus/{known[key]} (same sha256); nothing was written")
        number = max(used | {-1}) + 1
        used.add(number)
        known[text_sha] = known[source16] = f"{number:03d}_{source16}.txt (in this run)"
        planned.append((Path(path), extracted, source16, text_sha, number))
    return [_write(project_dir, *plan) for plan in planned]


def _write(project_dir: Path, source: Path, ex: Extracted, source16: str, text_sha: str, number: int) -> Ingested:
    document_id = f"doc_{number:03d}"
    corpus_file = project_dir / "corpus" / f"{number:03d}_{source16}.txt"
    review_dir = project_dir / REVIEW_DIR / document_id
    review_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{document_id}.", dir=review_dir.parent))
    tmp_text = corpus_file.with_name(f".{corpus_file.name}.tmp")
    try:
        _write_review(staging, source, ex, document_id, corpus_file.name, text_sha)
        tmp_text.write_bytes(ex.text.encode("utf-8"))
        os.replace(tmp_text, corpus_file)
        try:
            os.rename(staging, review_dir)
        except OSError:
            corpus_file.unlink(missing_ok=True)
            raise
    finally:
        tmp_text.unlink(missing_ok=True)
        if staging.exists():
            shutil.rmtree(staging)
    return Ingested(document_id, corpus_file, review_dir, len(ex.text))


def _write_review(folder: Path, source: Path, ex: Extracted, document_id: str, file_name: str, sha: str) -> None:
    notes = [f"Ingested from {source.name} ({ex.kind})."]
    if ex.pages:
        notes.append(f"{len(ex.pages)} PDF pages separated by form feeds; offsets in pages.csv.")
    row = {c: "" for c in SEEDS["documents"].column_names}
    row.update(
        document_id=document_id,
        file_name=file_name,
        title=ex.title,
        publisher=ex.publisher,
        publisher_basis="read from the page's metadata (trafilatura); check it" if ex.publisher else "",
        author=ex.author,
        published_date=ex.published_date,
        published_date_precision=ex.published_precision,
        date_note="; ".join(ex.date_notes) + ".",
        language=ex.language,
        sha256=sha,
        char_count=str(len(ex.text)),
        notes=" ".join(notes) + " To fill by review: document_type, language (if empty), fact_kinds (accept fills "
        "it from the accepted rows when left empty), written_not_before/after.",
    )
    write_csv(folder / "documents.csv", [*SEEDS["documents"].column_names, DECISION], [{**row, DECISION: "keep"}])
    regions = []
    for i, (region_type, start, end, note) in enumerate(ex.regions, start=1):
        segment = ex.text[start:end]
        start, end = start + len(segment) - len(segment.lstrip()), start + len(segment.rstrip())
        starts_with, ends_with = _region_words(ex.text, start, end)
        regions.append(
            {
                "region_id": f"{document_id}_r{i}",
                "document_id": document_id,
                "region_type": region_type,
                "starts_with": starts_with,
                "ends_with": ends_with,
                "notes": note,
                DECISION: "keep",
            }
        )
    write_csv(folder / "document_regions.csv", [*SEEDS["document_regions"].column_names, DECISION], regions)
    if ex.pages:
        write_csv(
            folder / "pages.csv",
            ["page", "char_start", "char_end"],
            [{"page": str(p), "char_start": str(s), "char_end": str(e)} for p, s, e in ex.pages],
        )
