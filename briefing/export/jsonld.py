"""A briefing note as JSON: the note's structure with every item's citation and verification,
annotations as W3C Web Annotations (TextQuote and TextPosition selectors) and reviewed claims
as schema.org ClaimReview, both JSON-LD.

Format version 2: ``citations`` lists each source once (with its web address when its original
names one); each passage carries its own place: paragraph, locator and character offsets.
A claim carries the judgement of its status (reason, analyst, time). An item of kind
``passage`` (words the analyst selected in a source) has the same fields as a quote's passage
and its ``ref_id`` is the source; readers of version 2 that skip unknown kinds still read the rest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from briefing.export.citations import describe_check, passage_locator
from briefing.export.note import GENERATOR, RenderedNote, evidence_origin
from briefing.export.workspace_json import judgement_record, origin_counts
from briefing.note_content import (
    CREDIBILITY_LABELS,
    AnnotationContent,
    BriefingItem,
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
from briefing.store.origins import OriginSummary

FORMAT_NAME = "briefing-note"
FORMAT_VERSION = 2
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def source_iri(source_id: int) -> str:
    return f"urn:briefing:source:{source_id}"


def render_json(rendered: RenderedNote) -> str:
    # '<', '>' and '&' as \u escapes: the document stays inert even pasted into an HTML page
    text = json.dumps(note_document(rendered), ensure_ascii=False, indent=2) + "\n"
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def note_document(rendered: RenderedNote) -> dict[str, Any]:
    note = rendered.note
    items = [_item(rendered, item) for item in note.items]
    problems = note.problems()
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "generator": GENERATOR,
        "generated": rendered.generated,
        "briefing": {
            "id": note.id,
            "title": note.title,
            "audience": note.audience,
            "date": note.date,
            "author": note.author,
            "created_at": note.created_at,
            "updated_at": note.updated_at,
        },
        "items": items,
        "citations": [
            {"number": c.number, "text": c.text, "source": _source(c.citation, c.url)} for c in rendered.citations
        ],
        "verification": {
            "checked": sum(len(item.checks()) for item in note.items) + _orphans(note.items),
            "not_verified": [{"item_id": item.id, **_verification(v)} for item, v in problems],
        },
        "annotations": [
            _web_annotation(item.id, item.content) for item in note.items if isinstance(item.content, AnnotationContent)
        ],
        # a judgement that may no longer hold (re-worded since, its evidence gone, dismissed) is
        # no review to publish: its item carries the caution instead
        "claim_reviews": [
            _claim_review(rendered, item, item.content)
            for item in note.items
            if isinstance(item.content, ClaimContent)
            and item.content.status != "unreviewed"
            and not (item.ref_id is not None and rendered.cautions.get(item.ref_id))
        ],
    }


def _orphans(items: tuple[BriefingItem, ...]) -> int:
    return sum(1 for item in items if item.kind != "text" and item.content is None)


def _item(rendered: RenderedNote, item: BriefingItem) -> dict[str, Any]:
    base: dict[str, Any] = {"id": item.id, "position": item.position, "kind": item.kind, "ref_id": item.ref_id}
    content = item.content
    if item.kind == "text":
        return {**base, "markdown": item.body}
    if content is None:
        return {
            **base,
            "text_when_added": item.body,
            "was": item.was,
            "verification": _verification(Verification("orphaned")),
        }
    if isinstance(content, QuoteContent):
        return {**base, **_quote(rendered, content)}
    if isinstance(content, ClaimContent):
        return {**base, **_claim(rendered, item, content)}
    if isinstance(content, AnnotationContent):
        return {
            **base,
            **_passage(rendered, content.passage),
            "note": content.note,
            "tags": list(content.tags),
            "anchor": content.anchor,
            "annotation": f"urn:briefing:annotation:{item.ref_id}",
        }
    if isinstance(content, PassageContent):
        return {**base, **_passage(rendered, content.passage)}
    if isinstance(content, SummaryContent):
        return {**base, "summary": content.summary, "citation": rendered.number(content.citation)}
    assert isinstance(content, EntityCard)
    return {
        **base,
        "name": content.name,
        "type": content.type,
        "aliases": list(content.aliases),
        "mentions": content.mentions,
        "sources": content.sources,
        "quotes": [_quote(rendered, q) for q in content.quotes],
    }


def _claim(rendered: RenderedNote, item: BriefingItem, claim: ClaimContent) -> dict[str, Any]:
    """The claim with its evidence; with the note's origin summary, each evidence item's origin
    number and the counts ("origins": 3 sources, 1 origin)."""
    origins = rendered.origins.get(item.ref_id) if item.ref_id is not None else None
    evidence = []
    for e in claim.evidence:
        row = {"relation": e.relation, "note": e.note, **_passage(rendered, e.passage)}
        evidence.append({**row, "origin": evidence_origin(origins, e)} if origins else row)
    found = {"origins": origin_counts(origins)} if origins else {}
    judgement = rendered.judgements.get(item.ref_id) if item.ref_id is not None else None
    return {
        **_passage(rendered, claim.passage),
        "status": claim.status,
        "dismissed": claim.dismissed,  # as not a claim, after it went into the note
        "credibility": claim.credibility,
        "judgement": judgement_record(judgement),
        "cautions": list(rendered.cautions.get(item.ref_id, ())) if item.ref_id is not None else [],
        **found,
        "evidence": evidence,
    }


def _quote(rendered: RenderedNote, quote: QuoteContent) -> dict[str, Any]:
    return {**_passage(rendered, quote.passage), "speaker": quote.speaker, "cue": quote.cue}


def _passage(rendered: RenderedNote, passage: Passage) -> dict[str, Any]:
    """The passage's words, its source's number and its place: paragraph for readers, offsets for tools."""
    c = passage.citation
    where = {"paragraph": c.paragraph, "locator": passage_locator(c), "start": c.start, "end": c.end} if c else {}
    return {
        "text": passage.text,
        "citation": rendered.number(c),
        **where,
        "verification": _verification(passage.verification),
    }


def _verification(v: Verification) -> dict[str, Any]:
    found = {"found_start": v.start, "found_end": v.end, "found_paragraph": v.paragraph} if v.state == "moved" else {}
    return {"state": v.state, **found, "detail": describe_check(v) or "exact at the recorded place"}


def _source(c: Citation, url: str | None) -> dict[str, Any]:
    return {
        "id": c.source_id,
        "iri": source_iri(c.source_id),
        "title": c.title,
        "file": c.file_name,
        "outlet": c.outlet,
        "author": c.author,
        "published": c.published,
        "reliability": c.reliability,
        "url": url,
        "version": c.version,
        "replaced_by_newer_version": c.newer,
    }


def _web_annotation(item_id: int, note: AnnotationContent) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if note.note:
        bodies.append({"type": "TextualBody", "value": note.note, "format": "text/plain", "purpose": "commenting"})
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    citation = note.passage.citation
    target: dict[str, Any] = {
        "source": source_iri(citation.source_id) if citation else None,
        "selector": [
            {"type": "TextQuoteSelector", "exact": note.passage.text, "prefix": note.prefix, "suffix": note.suffix},
            {
                "type": "TextPositionSelector",
                "start": citation.start if citation else None,
                "end": citation.end if citation else None,
            },
        ],
    }
    annotation: dict[str, Any] = {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:briefing:briefing-item:{item_id}",
        "type": "Annotation",
        "motivation": "highlighting" if not note.note else "commenting",
        "target": target,
    }
    if bodies:
        annotation["body"] = bodies
    return annotation


def _claim_review(rendered: RenderedNote, item: BriefingItem, claim: ClaimContent) -> dict[str, Any]:
    note = rendered.note
    citation = claim.passage.citation
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": claim.status}
    origins = rendered.origins.get(item.ref_id) if item.ref_id is not None else None
    if claim.credibility is not None:
        counted = f"; evidence from {origins.describe()}" if origins else ""
        rating.update(
            ratingValue=claim.credibility,
            bestRating=1,
            worstRating=6,
            ratingExplanation=f"Admiralty information credibility {claim.credibility}: "
            f"{CREDIBILITY_LABELS[claim.credibility]}{counted}",
        )
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": f"urn:briefing:briefing-item:{item.id}",
        "claimReviewed": claim.passage.text,
        "reviewRating": rating,
        "itemReviewed": {"@type": "Claim", "appearance": _creative_work(citation, rendered.links)}
        if citation
        else {"@type": "Claim"},
        "isBasedOn": [
            {
                **_creative_work(e.passage.citation, rendered.links),
                "text": e.passage.text,
                "description": _basis(origins, e),
            }
            for e in claim.evidence
            if e.passage.citation
        ],
    }
    judgement = rendered.judgements.get(item.ref_id) if item.ref_id is not None else None
    if judgement is not None and judgement.reason:
        review["reviewBody"] = judgement.reason
    reviewer = judgement.actor if judgement is not None else note.author  # who judged it, not who wrote the note
    if reviewer:
        review["author"] = {"@type": "Person", "name": reviewer}
    if note.date:
        review["datePublished"] = note.date
    return review


def _basis(origins: OriginSummary | None, evidence: EvidenceContent) -> str:
    """'supports', 'supports, origin 1: the note': the origin only where reprints share one."""
    number = evidence_origin(origins, evidence)
    shared = origins is not None and number is not None and origins.origins < origins.sources
    note = f": {evidence.note}" if evidence.note else ""
    return evidence.relation + (f", {origin_name(number)}" if shared and number is not None else "") + note


def _creative_work(citation: Citation | None, links: Mapping[int, str]) -> dict[str, Any]:
    if citation is None:
        return {"@type": "CreativeWork"}
    work: dict[str, Any] = {"@type": "CreativeWork", "@id": source_iri(citation.source_id)}
    if citation.title:
        work["headline"] = citation.title
    elif citation.file_name:  # no null headline: an untitled source is named by its file, as the note names it
        work["name"] = citation.file_name
    if citation.source_id in links:
        work["url"] = links[citation.source_id]
    if citation.outlet:
        work["publisher"] = {"@type": "Organization", "name": citation.outlet}
    if citation.author:
        work["author"] = {"@type": "Person", "name": citation.author}
    if citation.published:
        work["datePublished"] = citation.published
    return work
