"""The figures as reviewable CSV. This folder is installed as the data package jinshan_desktop.db (see
pyproject.toml), so an installed app finds the CSV files with importlib.resources."""
