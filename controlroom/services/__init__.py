"""App wiring: the show service joins the core, the store and the feeds."""
