"""The supplier list as a file: one row per chain, with its factory and quarry.

Reading (CSV or XLSX, Dutch or English headers) and validating are pure functions of
the file's rows, shared by the browser upload and `manage.py import_supplier_list`.
Nothing is imported unless every row is valid."""

from .columns import MAX_BYTES, MAX_ROWS, headers
from .reading import read_rows
from .validation import validate_rows
from .writing import chain_cells, write_csv, write_xlsx
from .xlsx import UnreadableFile

__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "UnreadableFile",
    "chain_cells",
    "headers",
    "read_rows",
    "validate_rows",
    "write_csv",
    "write_xlsx",
]
