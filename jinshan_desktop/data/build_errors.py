"""The one error of building the database from db/: the message names the file and line."""


class BuildError(ValueError):
    """A row of the db/ files that cannot go into the database; the message names file and line."""
