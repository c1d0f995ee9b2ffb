"""The Elasticsearch 8 implementation of the site search (the client's `elasticsearch.dsl`).

One index per language (`<prefix>_site_pl`, `<prefix>_site_en`), each with its own folding
analyser (lower case and ASCII folding, so "zrodla" finds "źródła"; English also stems),
keywords for the facets, and the PDF pages as nested objects so that a hit can say on which
page the words are. `SiteFacetedSearch` builds a fuzzy query (a misspelt word still finds),
the facet filters and aggregations, highlighting, and a term suggester for "did you mean".
The database has the last word on what is shown: an entry no longer visible is left out.
Every call goes through `with_elasticsearch`, so a server that is down costs the visitor
nothing but the database's answer (portal.core.search_backend).
"""

import copy

from elasticsearch import dsl

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.core.search_backend import with_elasticsearch
from portal.research.es import connect, connect_for_indexing

from .models import SearchEntry, SearchTerm
from .search import FACETS, SiteResults, attached_documents, make_hits, visible_entries

ANALYSERS = {
    "pl": dsl.analyzer("folding_pl", tokenizer="standard", filter=["lowercase", "asciifolding"]),
    "en": dsl.analyzer(
        "folding_en", tokenizer="standard", filter=["lowercase", "asciifolding", "porter_stem"]
    ),
}
MAX_QUERY = 200


def index_name(language_code):
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_site_{language_code}"


def analyser(language_code):
    return ANALYSERS.get(language_code, ANALYSERS["pl"])


class PdfPage(dsl.InnerDoc):
    document = dsl.Integer()
    number = dsl.Integer()
    text = dsl.Text()


class SiteDocument(dsl.Document):
    """One SearchEntry. The text fields get the language's analyser when the index is made
    (`create_index`)."""

    title = dsl.Text()
    text = dsl.Text()
    pages = dsl.Nested(PdfPage)
    kind = dsl.Keyword()
    zones = dsl.Keyword(multi=True)
    year = dsl.Integer()
    page_id = dsl.Integer()
    document_id = dsl.Integer()

    @classmethod
    def from_entry(cls, entry, documents):
        pages = [
            {"document": pk, "number": number, "text": text}
            for pk in entry.document_ids
            if pk in documents
            for number, text in enumerate(documents[pk].pages(), start=1)
        ]
        return cls(
            meta={"id": entry.pk},
            title=entry.title,
            text=entry.text,
            pages=pages,
            kind=entry.kind,
            zones=entry.zone_slugs(),
            year=entry.year,
            page_id=entry.page_id,
            document_id=entry.document_id,
        )


def mapping_body(language_code):
    """The index's settings and mappings: every text field analysed for its language."""
    folding = analyser(language_code)
    # A copy: the fields' dicts are the Document class's own.
    body = copy.deepcopy(SiteDocument._doc_type.mapping.to_dict())
    properties = body["properties"]
    for name in ("title", "text"):
        properties[name]["analyzer"] = folding._name
    properties["pages"]["properties"]["text"]["analyzer"] = folding._name
    return {"settings": {"analysis": folding.get_analysis_definition()}, "mappings": body}


class SiteFacetedSearch(dsl.FacetedSearch):
    doc_types = [SiteDocument]
    fields = ["title^3", "text"]
    facets = {
        "kind": dsl.TermsFacet(field="kind", size=30),
        "zone": dsl.TermsFacet(field="zones", size=20),
        "year": dsl.TermsFacet(field="year", size=50),
    }

    def __init__(self, query_text, language_code, filters):
        self.index = index_name(language_code)
        super().__init__(query_text, filters)

    def query(self, search, query):
        """Every word, in the page's own text or title or in one page of its PDFs, allowing a
        typo or two per word (fuzziness AUTO)."""
        in_pages = dsl.Q(
            "nested",
            path="pages",
            query=dsl.Q(
                "match",
                **{"pages.text": {"query": query, "operator": "and", "fuzziness": "AUTO"}},
            ),
            inner_hits={
                "size": 1,
                "_source": ["pages.number", "pages.document"],
                "highlight": {
                    "fields": {"pages.text": {"fragment_size": 160, "number_of_fragments": 1}}
                },
            },
        )
        in_entry = dsl.Q(
            "multi_match", query=query, fields=self.fields, operator="and", fuzziness="AUTO"
        )
        search = search.query(dsl.Q("bool", should=[in_entry, in_pages], minimum_should_match=1))
        return search.suggest(
            "did_you_mean", query, term={"field": "text", "suggest_mode": "missing"}
        )

    def highlight(self, search):
        return search.highlight("text", fragment_size=160, number_of_fragments=1)


def build(query):
    """The faceted search for a SiteQuery (the visitor's words, cut to a sane length)."""
    return SiteFacetedSearch(
        " ".join(query.words)[:MAX_QUERY], query.locale.language_code, query.filters()
    )


def results_from_response(query, response):
    """SiteResults from an Elasticsearch response (live, or recorded in a test)."""
    ids = [int(hit.meta.id) for hit in response.hits]
    visible = visible_entries(query.locale).filter(pk__in=ids).defer("search_text", "search_vector")
    by_pk = visible.in_bulk()
    ordered = [by_pk[pk] for pk in ids if pk in by_pk]
    documents = attached_documents(ordered)
    hits = {hit.entry.pk: hit for hit in make_hits(ordered, query.words, documents)}
    for raw in response.hits:
        hit = hits.get(int(raw.meta.id))
        if hit is not None:
            take_highlight(hit, raw, documents)
    facets = {
        name: {value: count for value, count, _selected in response.facets[name]} for name in FACETS
    }
    return SiteResults(
        total=response.hits.total.value,
        hits=[hits[entry.pk] for entry in ordered],
        facets=facets,
        suggestion=suggestion(response, query.locale),
    )


def take_highlight(hit, raw, documents):
    """Elasticsearch's fragment where it found a fuzzy match the database excerpt missed,
    and a PDF page's number from the nested hit."""
    fragments = getattr(getattr(raw.meta, "highlight", None), "text", None)
    if fragments and not hit.excerpt:
        hit.excerpt = marked(fragments[0])
    inner = getattr(getattr(raw.meta, "inner_hits", None), "pages", None)
    if inner is None or not inner.hits or hit.page_number is not None:
        return
    page_hit = inner.hits[0]
    page_fragments = getattr(getattr(page_hit.meta, "highlight", None), "pages.text", None)
    if page_fragments and not hit.excerpt:
        hit.excerpt = marked(page_fragments[0])
        hit.page_number = getattr(page_hit, "number", None)
        hit.document = documents.get(getattr(page_hit, "document", None))


def marked(fragment):
    """An Elasticsearch fragment escaped, its <em> (the words it matched, typos
    included) turned into <mark> as in the database's excerpts."""
    escaped = str(escape(fragment))
    return mark_safe(  # noqa: S308  (escaped above; only our own tags put back)
        escaped.replace("&lt;em&gt;", "<mark>").replace("&lt;/em&gt;", "</mark>")
    )


def suggestion(response, locale):
    """The term suggester's best option for each word it did not find, as one query, each
    word as the site writes it: the suggester answers in the index's folded terms, which
    the vocabulary spells ("spoldzielnia" -> "spółdzielnia"), one look-up for all."""
    suggest = getattr(response, "suggest", None)
    entries = getattr(suggest, "did_you_mean", None) if suggest is not None else None
    if not entries:
        return ""
    changed, suggested = False, []
    for entry in entries:
        options = list(entry.options)
        suggested.append(options[0].text if options else entry.text)
        changed = changed or bool(options)
    if not changed:
        return ""
    terms = SearchTerm.objects.filter(locale=locale, word__in=suggested).only("word", "spelling")
    written = {term.word: term.written for term in terms}
    return " ".join(written.get(word, word) for word in suggested)


class ElasticsearchSiteSearch:
    def __init__(self, fallback):
        self.fallback = fallback

    def search(self, query, offset=0, limit=10, with_facets=True):
        if not query.words:
            return SiteResults()
        faceted = build(query)[offset : offset + limit]
        return with_elasticsearch(
            lambda: results_from_response(query, execute(faceted)),
            lambda: self.fallback.search(query, offset, limit, with_facets),
        )


def execute(faceted):
    connect()
    return faceted.execute()


def parse_recorded(query, raw, offset=0, limit=10):
    """Parse a recorded response body as `execute()` would."""
    faceted = build(query)[offset : offset + limit]
    response = dsl.FacetedResponse(faceted._s, raw)
    response._faceted_search = faceted
    return results_from_response(query, response)


def index_entries(pks):
    """Send entries to their language's index (skipped with a warning while Elasticsearch
    is unavailable: the database still answers, `rebuild_site_search` catches up)."""
    with_elasticsearch(lambda: _index(pks), lambda: None, "site search entries not indexed")


def _index(pks):
    client = connect()
    entries = list(SearchEntry.objects.filter(pk__in=pks).select_related("locale"))
    ids = {pk for entry in entries for pk in entry.document_ids}
    documents = SearchEntry.document.field.related_model.objects.in_bulk(ids)
    for entry in entries:
        name = index_name(entry.locale.language_code)
        if not client.indices.exists(index=name):
            client.indices.create(index=name, body=mapping_body(entry.locale.language_code))
        SiteDocument.from_entry(entry, documents).save(index=name)


def forget(page_id=None, document_id=None):
    """Remove a page's or document's old entries from every language's index."""
    field, value = ("page_id", page_id) if page_id is not None else ("document_id", document_id)

    def call():
        connect().delete_by_query(
            index=index_name("*"), query={"term": {field: value}}, ignore_unavailable=True
        )

    with_elasticsearch(call, lambda: None, f"old entries of {field} {value} not removed")


def replace(pks, page_id=None, document_id=None):
    forget(page_id=page_id, document_id=document_id)
    if pks:
        index_entries(pks)


def rebuild_indexes(pks):
    """Drop and make again every language's index, then send all entries (the command's
    client waits ELASTICSEARCH_INDEX_TIMEOUT)."""
    client = connect_for_indexing()
    client.indices.delete(index=index_name("*"), ignore_unavailable=True)
    for start in range(0, len(pks), 200):
        _index(pks[start : start + 200])
