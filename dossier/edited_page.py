"""Show an edited article in the preview within a fraction of a second.

The quick rebuild (``incremental.refresh``) loads, links and analyses the whole dossier
before it knows which pages changed: seconds at 1,000 articles.  The page the user just
saved needs far less: its file parsed, its text extracted, its names linked with the names the
dossier had before the edit (``link_with``, learnt once after each full build), its summary
and topics.  That page replaces the old one in the last published ``Site`` and is
rendered alone, against the last analysis minus what it said about this article (its
offsets belong to the old text).  The quick rebuild then writes it again, complete, with
every page around it.

Only an edit of an existing article takes this path; a new, deleted or renamed article,
or any problem in the file, leaves it to the quick rebuild, which reports errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .analyze import article_key, cached_extractions, extractor_fingerprint
from .config import Config
from .content import parse_article
from .extract import Gazetteer, build_gazetteer, extract_article
from .extract.linking import DossierNames, dossier_names, link_with
from .hubs import assign_topics
from .incremental import without_articles, write_in_place
from .models import Article, ArticlePage, Extraction, Site
from .pipeline import TEMPLATE_CACHE, BuildReport
from .render import render_site
from .summarize import summarize
from .yaml_reader import read_text_file


@dataclass
class UnlinkedExtractions:
    """The dossier's extractions before linking and the names linking learnt from them.

    The preview server reads them from the extraction cache after each full build (which
    just wrote it), while it is idle; an edited text is extracted here and added.
    """

    fingerprint: str
    gazetteer: Gazetteer
    names: DossierNames | None
    by_key: dict[str, Extraction] = field(default_factory=dict)
    # Each article's file (resolved) -> its index in ``Site.articles``: resolving a
    # thousand paths costs ~40 ms, too much to pay on every save.
    index_of: dict[Path, int] = field(default_factory=dict)

    @classmethod
    def load(cls, config: Config, site: Site) -> UnlinkedExtractions:
        gazetteer = build_gazetteer(config.entities)
        fingerprint = extractor_fingerprint(config.entities, gazetteer)
        by_key = cached_extractions(config.cache_dir, fingerprint)
        # In the order the build links them: articles by file name.
        ordered = [by_key.get(article_key(fingerprint, a)) for a in sorted((p.article for p in site.articles),
                                                                              key=lambda a: a.source)]
        names = dossier_names(tuple(ordered), gazetteer) if all(x is not None for x in ordered) else None  # type: ignore[arg-type]
        index_of = {page.article.source.resolve(): i for i, page in enumerate(site.articles)}
        return cls(fingerprint, gazetteer, names, by_key, index_of)

    def extract(self, article: Article) -> Extraction:
        key = article_key(self.fingerprint, article)
        if key not in self.by_key:
            self.by_key[key] = extract_article(article.text, article.published, self.gazetteer)
        return self.by_key[key]


def show_edited(output_dir: Path, previous: BuildReport, files: Iterable[Path],
                known: UnlinkedExtractions) -> tuple[str, ...]:
    """Write the pages of the edited article files; the paths written, () if this path does not apply."""
    config, site, analysis = previous.config, previous.site, previous.analysis
    if config is None or site is None or analysis is None or known.names is None:
        return ()
    edited: list[tuple[int, Article]] = []
    for path in files:
        i = _index_of(path.resolve(), site, known)
        if i is None or path.suffix != ".md" or not path.is_file():
            return ()  # a new, deleted or renamed article: the quick rebuild handles it
        article = parse_article(read_text_file(path), path)
        if article.slug != site.articles[i].article.slug:
            return ()
        edited.append((i, article))
    if not edited:
        return ()
    names = known.names
    linked = [link_with(known.extract(article), names) for _, article in edited]
    pages = _pages(config, site.articles, edited, linked)
    new_site = replace(site, articles=tuple(pages.get(p.path, p) for p in site.articles))
    first = without_articles(analysis, frozenset(p.article.slug for p in pages.values()))
    files = render_site(new_site, config, first, wanted=lambda path: path in pages,
                        template_cache=config.cache_dir / TEMPLATE_CACHE)
    return tuple(write_in_place(output_dir, files))


def _index_of(source: Path, site: Site, known: UnlinkedExtractions) -> int | None:
    """The article of file ``source`` in ``site.articles``.

    ``known.index_of`` was made from the last full build's site; a quick rebuild since then
    may have reordered the articles (an edited date), so a stale answer is looked up again.
    """
    i = known.index_of.get(source)
    if i is not None and i < len(site.articles) and site.articles[i].article.source.resolve() == source:
        return i
    known.index_of = {page.article.source.resolve(): n for n, page in enumerate(site.articles)}
    return known.index_of.get(source)


def _pages(config: Config, current: Sequence[ArticlePage], edited: Sequence[tuple[int, Article]],
           linked: Sequence[Extraction]) -> dict[str, ArticlePage]:
    """The edited articles' new pages, by output path (the same path as before)."""
    pages = {}
    for (i, article), extraction in zip(edited, linked, strict=True):
        path = current[i].path
        summary = summarize(article.text, extraction, config.summary_sentences)
        topics = assign_topics((article,), (extraction,), config.hubs)[0]
        pages[path] = ArticlePage(article, extraction, summary, topics, path)
    return pages
