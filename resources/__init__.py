"""Icons and translation catalogues. This folder is installed as the data package jinshan_desktop.resources
(see pyproject.toml), so an installed app finds them with importlib.resources."""
