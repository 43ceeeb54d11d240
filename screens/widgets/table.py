"""A DataTable whose rows are drawn again once their columns have been measured.

Textual 8 caches each row's rendering under the table's update count, and measuring the columns (on idle, after
rows were added) does not change that count. A frame drawn between adding the rows and measuring them (a busy
moment, as when a docket is read while the screen opens) was kept: the docket at 80 columns showed every column
at its heading's width ("Sag 202") until the next reload. Measuring now invalidates those cached rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class Table(DataTable[object]):
    """`DataTable` that repaints its rows after measuring them."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        self._update_count += 1  # the key of every cached row and cell: drawn anew with the measured widths
        self.refresh()
