"""The window's preferences file is plain text: a server URL typed with a password is kept
in the recent-shows list without it (reopening takes it from ~/.pgpass or the environment)."""

from controlroom.ui.prefs import RecentShow


def test_a_recent_server_show_is_kept_without_its_password(prefs, tmp_path):
    prefs.add_recent(RecentShow("postgresql+psycopg://agency:s3cr3t-pw@db.example:5432/shows", 7, "晚场"))
    prefs.add_recent(RecentShow(str(tmp_path / "show.db"), 1, "rehearsal"))
    prefs.q.sync()
    stored = (tmp_path / "prefs.ini").read_text(encoding="utf-8")
    assert "s3cr3t-pw" not in stored
    recent = {r.show_id: r.db for r in prefs.recent()}
    assert recent[7] == "postgresql+psycopg://agency@db.example:5432/shows"
    assert recent[1] == str(tmp_path / "show.db")  # a file path is kept as it is
