// Make tests/data/sheetjs.xlsx: a Kumu workbook (Elements, Connections) as SheetJS writes it, as web apps export.
// The bytes are kept in the repository; run this again only to change them:
//     npm install xlsx@0.18.5 && node scripts/make_test_workbooks.js
// See scripts/make_test_workbooks.py for the others.
const XLSX = require("xlsx");
const wb = XLSX.utils.book_new();
const elements = [
  ["Label", "Type", "Description", "Tags"],
  ["Openbaar Ministerie", "justice", "Prosecutes", "nl|justice"],
  ["Politie", "police", "Investigates", "nl"],
  ["Reclassering Nederland", "probation", "", ""],
];
const connections = [
  ["From", "To", "Type", "direction"],
  ["Politie", "Openbaar Ministerie", "information-sharing", "mutual"],
  ["Openbaar Ministerie", "Reclassering Nederland", "referral", "directed"],
];
XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(elements), "Elements");
XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(connections), "Connections");
wb.Props = { CreatedDate: new Date(Date.UTC(2026, 0, 1)) };
XLSX.writeFile(wb, require("path").join(__dirname, "..", "tests", "data", "sheetjs.xlsx"), { compression: true });
