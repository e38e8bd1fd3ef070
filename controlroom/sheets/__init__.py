"""Reading spreadsheets in (product sheets, plans): CSV or XLSX rows, validated by the core."""
