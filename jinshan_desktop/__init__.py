"""Jinshan Fact Book: the published facts of Jinshan District, Shanghai, on the desktop."""

__version__ = "0.1.0"
APP_NAME = "Jinshan Fact Book"
APP_ID = "jinshan-desktop"
