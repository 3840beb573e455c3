"""The Qt views. They read through jinshan_desktop.data.queries and never write SQL or CSV."""
