"""The read API's parts, one concern a module; FactBook (queries.py) is the façade over them."""
