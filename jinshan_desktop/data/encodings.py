"""The encodings a CSV export can be written in, apart from the exporter so the command line can offer them
without importing the data layer (the window paints before SQLAlchemy is imported)."""

from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP

# The menu's names; the window translates them (Menus context).
ENCODINGS = {
    "utf-8-sig": QT_TRANSLATE_NOOP("Menus", "UTF-8 with BOM (Excel)"),
    "utf-8": "UTF-8",
    "gb18030": "GB18030",
}
DEFAULT_ENCODING = "utf-8-sig"
