"""The frnews_ner knowledge base: places, people, organisations, nationalities and titles.

Nothing is loaded at import; :func:`load_kb` reads the data files on first use and caches them.

>>> from frnews_ner.kb import load_kb
>>> load_kb().get("iso3166:KP").name  # doctest: +SKIP
'Corée du Nord'
"""

from .base import TYPE_LABELS, Candidate, KBRecord, KnowledgeBase, Office, Role, Title
from .loader import build_kb, load_kb
from .translit import translit_key

__all__ = ["TYPE_LABELS", "Candidate", "KBRecord", "KnowledgeBase", "Office", "Role", "Title", "build_kb",
           "load_kb", "translit_key"]
