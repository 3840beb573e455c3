"""The Qt-free core: schema, build, the read API, CSV export and number formatting."""
