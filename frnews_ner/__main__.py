"""``python -m frnews_ner`` is the ``frnews-ner`` command."""

from .cli import main

raise SystemExit(main())
