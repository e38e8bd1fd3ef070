"""The schema's revisions: 0001-0003 are the schema versions 1-3 of earlier releases."""
