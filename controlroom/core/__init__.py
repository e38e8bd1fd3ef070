"""The domain, in pure Python: no Qt, no SQL, no spreadsheets. Time is always passed in."""
