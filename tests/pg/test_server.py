"""The PostgreSQL test server is real: a database of its own per test, on loopback."""

from sqlalchemy import create_engine, text


def test_each_test_gets_its_own_real_database(pg_url):
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            version = conn.scalar(text("SHOW server_version"))
            conn.execute(text("CREATE TABLE t (x bigint)"))
            conn.execute(text("INSERT INTO t VALUES (1), (2)"))
            assert conn.scalar(text("SELECT sum(x) FROM t")) == 3
            assert conn.scalar(text("SELECT current_database()")) == pg_url.rsplit("/", 1)[1]
            assert conn.scalar(text("SELECT inet_server_addr()::text")).startswith("127.0.0.1")
    finally:
        engine.dispose()
    assert int(version.split(".")[0]) >= 13
