"""The pipeline's stages, one module per decision: events, actors, places, dates, attribution, casualties,
then records (see pipeline.py for the order and README.md for who decides which field)."""
