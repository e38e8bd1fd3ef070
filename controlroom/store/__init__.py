"""Persistence: engine set-up, the show-log writer, repositories, migrations."""
