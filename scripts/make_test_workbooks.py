"""Make the workbooks in tests/data that other software wrote: openpyxl on its own, and pandas with xlsxwriter.

The damaged-file tests (tests/test_damaged_files.py) cut and flip these, next to our own exports, so that
the reader is proven on zip files laid out as other programs lay them out. The bytes are kept in the
repository: run this again only to change them (xlsxwriter is not a dependency of the project; openpyxl
stamps the time into the zip, so its workbook comes out with other bytes each run)::

    pip install xlsxwriter && python scripts/make_test_workbooks.py

``scripts/make_test_workbooks.js`` makes the third, a Kumu workbook as SheetJS (a JavaScript library) writes it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
WHEN = datetime(2026, 1, 1)


def openpyxl_workbook(path: Path) -> None:
    """Dutch sheet names and headers, a date cell and a number: a workbook as a Python script saves it."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Organisaties"
    for row in (
        ["Sleutel", "Naam", "Afkorting", "Sector", "Sinds"],
        ["om", "Openbaar Ministerie", "OM", "justitie", WHEN],
        ["politie", "Politie", "", "politie", None],
        ["rn", "Reclassering Nederland", "RN", "reclassering", None],
    ):
        workbook.active.append(row)
    links = workbook.create_sheet("Relaties")
    links.append(["Van", "Naar", "Soort", "Sterkte"])
    links.append(["politie", "om", "informatie-uitwisseling", 3])
    links.append(["om", "rn", "doorverwijzing", 2])
    workbook.properties.created = workbook.properties.modified = WHEN
    workbook.save(path)


def xlsxwriter_workbook(path: Path) -> None:
    """Two sheets from pandas with the xlsxwriter engine, and Excel 2010 data bars (an ``extLst``: openpyxl warns)."""
    organisations = pd.DataFrame(
        {
            "id": ["om", "politie", "rn"],
            "name": ["Openbaar Ministerie", "Politie", "Reclassering Nederland"],
            "sector": ["justice", "police", "probation"],
        }
    )
    links = pd.DataFrame({"source": ["politie", "om"], "target": ["om", "rn"], "strength": [3, 2]})
    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        writer.book.set_properties({"created": WHEN})
        organisations.to_excel(writer, sheet_name="Organisations", index=False)
        links.to_excel(writer, sheet_name="Links", index=False)
        writer.sheets["Links"].conditional_format("C2:C3", {"type": "data_bar", "data_bar_2010": True})


if __name__ == "__main__":
    openpyxl_workbook(DATA / "openpyxl.xlsx")
    xlsxwriter_workbook(DATA / "xlsxwriter.xlsx")
