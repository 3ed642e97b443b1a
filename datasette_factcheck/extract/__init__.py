"""Reading articles and finding their figures, one layer at a time.

readers (files to articles) -> segmenting (sentences and their kinds) -> numbers (figures and hedges
in plain text) -> claims (what each figure counts, where, when, on whose word), with places,
attribution and the measure vocabulary (``vocabulary/measures.json``) beside them. Nothing here
imports Datasette: the loader runs without it.
"""
