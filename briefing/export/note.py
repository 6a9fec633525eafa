"""The rendered note: a briefing note laid out once (sections in order, numbered citations,
verification flags) for every export format to write from.

Each source has one number; a passage cites it with its paragraph ("[2, paragraph 4]"), and the
list of sources at the end gives each source once, with its web address where it names one. A
claim shows the analyst's reason for its status next to it.

Each section is Markdown in which all source and note text is escaped (``markup.inline``);
text items keep the analyst's Markdown and are made safe when the note is assembled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from briefing import __version__
from briefing.domain import NOT_ONE_LINE, as_one_line, local_day
from briefing.export.citations import citation_text, describe_check, passage_locator, telling_cue, unquoted
from briefing.export.markup import analyst_markdown, inline, inline_lines, isolated_inline
from briefing.note_content import (
    CREDIBILITY_LABELS,
    AnnotationContent,
    BriefingItem,
    BriefingNote,
    Citation,
    ClaimContent,
    EntityCard,
    EvidenceContent,
    Passage,
    PassageContent,
    QuoteContent,
    SummaryContent,
    Verification,
)
from briefing.origins import origin_name
from briefing.store.history import Judgement
from briefing.store.origins import OriginSummary

GENERATOR = f"Briefing {__version__}"
FLAG_PREFIX = "Not verified"
CAUTION_LABEL = "Check the judgement"
_ORPHAN_HEADINGS = {
    "quote": "Quote",
    "claim": "Claim",
    "annotation": "Annotation",
    "summary": "Summary",
    "entity": "Entity",
    "passage": "Passage",
}


@dataclass(frozen=True)
class Section:
    item: BriefingItem
    heading: str | None  # plain text; None for text items
    markdown: str  # escaped body; empty for text items (see ``RenderedNote.section_markdown``)
    flags: tuple[str, ...] = ()  # plain-text warnings for passages that are not verified
    cautions: tuple[str, ...] = ()  # plain text: why a claim's judgement may no longer hold


@dataclass(frozen=True)
class NumberedCitation:
    number: int
    citation: Citation  # the source, without any passage's place
    text: str  # plain text of the entry in the source list, the address included
    url: str | None = None  # the address the source names for itself (``source_links``)


@dataclass
class RenderedNote:
    note: BriefingNote
    generated: str
    sections: list[Section] = field(default_factory=list)
    citations: list[NumberedCitation] = field(default_factory=list)
    origins: Mapping[int, OriginSummary] = field(default_factory=dict)  # claim id -> its evidence by origin
    judgements: Mapping[int, Judgement] = field(default_factory=dict)  # claim id -> the judgement of its status
    links: Mapping[int, str] = field(default_factory=dict)  # source id -> its web address
    cautions: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # claim id -> ``export.cautions``

    def number(self, citation: Citation | None) -> int | None:
        """The number of the citation's source, adding the source to the list at its first use."""
        if citation is None:
            return None
        for entry in self.citations:
            if entry.citation.source_id == citation.source_id:
                return entry.number
        source = replace(citation, start=None, end=None, paragraph=None)
        url = self.links.get(citation.source_id)
        entry = NumberedCitation(len(self.citations) + 1, source, citation_text(source, url), url)
        self.citations.append(entry)
        return entry.number

    def section_markdown(self, section: Section, escape_html: bool = True) -> str:
        if section.item.kind == "text":
            return analyst_markdown(section.item.body or "", escape_html)
        return f"## {inline(section.heading or '')}\n\n{section.markdown}"

    def markdown(self, escape_html: bool = True) -> str:
        """The note's body as Markdown: title, metadata, sections, then the numbered sources."""
        parts = [
            f"# {inline(self.note.title)}",
            self._metadata_line(),
            self._verification_line(),
            self._cautions_line(),
        ]
        parts += [self.section_markdown(s, escape_html) for s in self.sections]
        if self.citations:
            parts.append("## Sources")
            parts.append("\n".join(_source_entry(c) for c in self.citations))
        return "\n\n".join(p for p in parts if p) + "\n"

    def _metadata_line(self) -> str:
        note = self.note
        fields = [("Audience", note.audience), ("Date", note.date), ("Author", note.author)]
        return " · ".join(f"**{name}:** {inline(value)}" for name, value in fields if value)

    def _verification_line(self) -> str:
        count = len(self.note.problems())
        if count:
            passages = "1 passage does" if count == 1 else f"{count} passages do"
            return f"**{FLAG_PREFIX}:** {passages} not match the stored sources word for word; see the flags below."
        if not any(item.checks() for item in self.note.items):
            return ""
        return f"*Every passage was checked word for word against its stored source on {local_day(self.generated)}.*"

    def cautioned(self) -> int:
        """How many of the note's claims carry a caution on their judgement."""
        return sum(1 for s in self.sections if s.cautions)

    def _cautions_line(self) -> str:
        line = cautions_line(self.cautioned())
        return f"**{CAUTION_LABEL}:** {line}; see the claims below." if line else ""


def cautions_line(count: int) -> str:
    """'2 claims' judgements may no longer hold', or '' for none."""
    if not count:
        return ""
    return (
        f"{count} claim's judgement may no longer hold"
        if count == 1
        else f"{count} claims' judgements may no longer hold"
    )


def render_note(
    note: BriefingNote,
    generated: str | None = None,
    origins: Mapping[int, OriginSummary] | None = None,
    judgements: Mapping[int, Judgement] | None = None,
    links: Mapping[int, str] | None = None,
    cautions: Mapping[int, tuple[str, ...]] | None = None,
) -> RenderedNote:
    """Lay the note out; ``origins`` (``store.origins.list_claim_origins``) lets claim items say
    "3 sources, 1 origin" next to their evidence, and is left out of a claim it does not cover;
    ``judgements`` gives a claim's reason for its status and ``links`` a source's web address
    (``formats.render_workspace_note`` reads all three)."""
    when = generated or datetime.now(UTC).replace(microsecond=0).isoformat()
    note = details_on_one_line(note)
    rendered = RenderedNote(
        note, when, origins=origins or {}, judgements=judgements or {}, links=links or {}, cautions=cautions or {}
    )
    for item in note.items:
        rendered.sections.append(_section(rendered, item))
    return rendered


def details_on_one_line(note: BriefingNote) -> BriefingNote:
    """The note with each detail the store would now refuse made one line (``domain.as_one_line``),
    as the Details dialog shows it: an older workspace's title with a line break broke a PDF's or a
    DOCX's title and a Markdown front matter. The stored note keeps its details until the analyst
    saves them."""

    def mended(value: str | None) -> str | None:
        return as_one_line(value) if value and NOT_ONE_LINE.search(value) else value

    return replace(
        note,
        title=mended(note.title) or "",
        audience=mended(note.audience),
        date=mended(note.date),
        author=mended(note.author),
    )


def _source_entry(entry: NumberedCitation) -> str:
    """One line of the list of sources; the address as code, so no Markdown renderer links it."""
    words = citation_text(entry.citation, field=isolated_inline)  # the source's words escaped, ours plain
    return f"{entry.number}. {words}" + (f" `{entry.url}`" if entry.url else "")


def flag_text(verification: Verification, what: str) -> str:
    return f"{FLAG_PREFIX} ({verification.state}): {what} {describe_check(verification)}."


def _section(rendered: RenderedNote, item: BriefingItem) -> Section:
    content = item.content
    if item.kind == "text":
        return Section(item, None, "")
    if content is None:
        return _orphan(item)
    if isinstance(content, QuoteContent):
        return _quote(rendered, item, content)
    if isinstance(content, ClaimContent):
        return _claim(rendered, item, content)
    if isinstance(content, AnnotationContent):
        return _annotation(rendered, item, content)
    if isinstance(content, PassageContent):
        return _passage(rendered, item, content)
    if isinstance(content, SummaryContent):
        return _summary(rendered, item, content)
    assert isinstance(content, EntityCard)
    return _entity(rendered, item, content)


def _cite(rendered: RenderedNote, passage: Passage | Citation | None) -> str:
    """' [2, paragraph 4]': the source's number and the passage's place in it."""
    citation = passage.citation if isinstance(passage, Passage) else passage
    number = rendered.number(citation)
    if citation is None or number is None:
        return ""
    where = passage_locator(citation)
    return f" [{number}, {where}]" if where else f" [{number}]"


def _flags(passages: list[tuple[Passage, str]]) -> tuple[str, ...]:
    return tuple(flag_text(p.verification, what) for p, what in passages if not p.verification.ok)


def _flag_lines(flags: tuple[str, ...]) -> str:
    """Each flag as its own paragraph, the label in bold: '**Not verified (altered):** the quote is ...'."""
    lines = []
    for flag in flags:
        label, _, rest = flag.partition(": ")
        lines.append(f"\n\n**{inline(label)}:** {inline(rest)}")
    return "".join(lines)


def _quoted(rendered: RenderedNote, passage: Passage) -> str:
    return f"“{isolated_inline(unquoted(passage.text))}”{_cite(rendered, passage)}"


def _quote(rendered: RenderedNote, item: BriefingItem, quote: QuoteContent) -> Section:
    speaker = quote.speaker or "unattributed"
    cue = telling_cue(quote.cue)
    attribution = f"— {inline(speaker)}" + (f" ({inline(cue)})" if cue else "")
    flags = _flags([(quote.passage, "the quote is")])
    body = f"> {_quoted(rendered, quote.passage)}\n\n{attribution}{_flag_lines(flags)}"
    return Section(item, f"Quote: {speaker}", body, flags)


def _claim(rendered: RenderedNote, item: BriefingItem, claim: ClaimContent) -> Section:
    heading = claim_heading(claim)
    lines = [f"{inline(claim.passage.text)}{_cite(rendered, claim.passage)}"]
    judgement = rendered.judgements.get(item.ref_id) if item.ref_id is not None else None
    if judgement is not None and (judgement.reason or "").strip():
        lines.append(_reason_line(claim.status, judgement))
    elif judgement is not None and claim.status != "unreviewed":
        lines.append(f"*{inline(claim.status.capitalize())}: {_judged_by(judgement)}.*")
    checks = [(claim.passage, "the claim is")]
    if claim.evidence:
        origins = rendered.origins.get(item.ref_id) if item.ref_id is not None else None
        lines.append(f"**Evidence:** {origins.describe()}" if origins else "**Evidence**")
        rows = []
        for evidence in claim.evidence:
            note = f" — {inline_lines(evidence.note, '  ')}" if evidence.note else ""
            label = evidence.relation.capitalize() + _origin_label(origins, evidence)
            rows.append(f"- {label}: {_quoted(rendered, evidence.passage)}{note}")
            checks.append((evidence.passage, "an evidence passage is"))
        lines.append("\n".join(rows))
    flags = _flags(checks)
    cautions = rendered.cautions.get(item.ref_id) if item.ref_id is not None else None
    cautions = cautions or ()
    if cautions:  # after the judgement it is about, before any passage's flag
        lines.append(f"**{CAUTION_LABEL}:** {inline(' '.join(cautions))}")
    return Section(item, heading, "\n\n".join(lines) + _flag_lines(flags), flags, cautions)


def claim_heading(claim: ClaimContent) -> str:
    """'Claim: disputed, credibility 5 (improbable)'; a claim dismissed since it went into the note
    says so first ('Claim (dismissed): was corroborated'), not a status that no longer holds."""
    if claim.dismissed:
        heading = "Claim (dismissed)" + ("" if claim.status == "unreviewed" else f": was {claim.status}")
    else:
        heading = f"Claim: {claim.status}"
    if claim.credibility is not None:
        heading += f", credibility {claim.credibility} ({CREDIBILITY_LABELS[claim.credibility]})"
    return heading


def _reason_line(status: str, judgement: Judgement) -> str:
    """'**Why disputed:** two sources put it on 2 March (judged by kames on 2026-03-05).'"""
    reason = (judgement.reason or "").strip().rstrip(".")
    return f"**Why {inline(status)}:** {inline_lines(reason)} ({_judged_by(judgement)})."


def _judged_by(judgement: Judgement) -> str:
    return f"judged by {inline(judgement.actor)} on {inline(local_day(judgement.at))}"


def _origin_label(origins: OriginSummary | None, evidence: EvidenceContent) -> str:
    """', origin 2' when some origin has several sources (a reprint), so a reader sees which."""
    number = evidence_origin(origins, evidence)
    if number is None or origins is None or (origins.origins == origins.sources and not origins.own):
        return ""
    return f", {origin_name(number)}"


def evidence_origin(origins: OriginSummary | None, evidence: EvidenceContent) -> int | None:
    """The origin number of a note's evidence item, None when unknown (source gone, no summary)."""
    citation = evidence.passage.citation
    if origins is None or citation is None or citation.start is None or citation.end is None:
        return None
    return origins.origin_at(citation.source_id, citation.start, citation.end, evidence.relation)


def _annotation(rendered: RenderedNote, item: BriefingItem, note: AnnotationContent) -> Section:
    lines = [f"> {_quoted(rendered, note.passage)}"]
    if note.note:
        lines.append(f"**Note:** {inline_lines(note.note)}")
    if note.tags:
        lines.append(f"**Tags:** {inline(', '.join(note.tags))}")
    flags = _flags([(note.passage, "the highlighted passage is")])
    return Section(item, "Annotation", "\n\n".join(lines) + _flag_lines(flags), flags)


def _passage(rendered: RenderedNote, item: BriefingItem, selected: PassageContent) -> Section:
    """Words the analyst selected, as a block quote cited like a quote and checked like one."""
    citation = selected.passage.citation
    title = citation.shown_title if citation else "(untitled source)"
    flags = _flags([(selected.passage, "the passage is")])
    return Section(item, f"Passage: {title}", f"> {_quoted(rendered, selected.passage)}{_flag_lines(flags)}", flags)


def _summary(rendered: RenderedNote, item: BriefingItem, summary: SummaryContent) -> Section:
    text = inline(summary.summary) if summary.summary else "*No summary yet.*"
    heading = f"Summary: {summary.citation.shown_title}"
    return Section(item, heading, f"{text}{_cite(rendered, summary.citation)}")


def _entity(rendered: RenderedNote, item: BriefingItem, card: EntityCard) -> Section:
    facts = f"{card.mentions} mention{'s' if card.mentions != 1 else ''} in {card.sources} source" + (
        "s" if card.sources != 1 else ""
    )
    lines = [f"Also known as {inline(', '.join(card.aliases))}. {facts}." if card.aliases else f"{facts}."]
    if card.quotes:
        lines.append("\n".join(f"- {_quoted(rendered, q.passage)}" for q in card.quotes))
    flags = _flags([(q.passage, "a quote is") for q in card.quotes])
    return Section(item, f"Entity: {card.name} ({card.type})", "\n\n".join(lines) + _flag_lines(flags), flags)


def _orphan(item: BriefingItem) -> Section:
    kind = _ORPHAN_HEADINGS[item.kind]
    flag = flag_text(Verification("orphaned"), f"this {item.kind} is")
    was = f"\n\n*{inline_lines(item.was)}*" if item.was else ""  # its source and judgement, as remembered
    body = f"> “{isolated_inline(unquoted(item.body or ''))}”{was}" + _flag_lines((flag,))
    return Section(item, f"{kind} (no longer in the workspace)", body, (flag,))
