// The import view: numbers pasted, or a list or CSV dropped or picked, into a local carrier, with a report for each. A
// CSV whose header names only the stock's columns goes to the host as it is (text/csv), with its attributes.
import { api, canChange, fail } from './api.js';
import { $, cell, el, show } from './dom.js';

function numbersIn(text) {
  // A list (commas, semicolons, tabs, spaces or lines) or a CSV, whose first field is the number: a line
  // without a digit (blank, or the CSV's header) is left out; a line with words after its first field is a
  // CSV row.
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    if (!/\d/.test(line)) {
      continue;
    }
    const fields = line.split(/[,;\t]/).map((f) => f.trim().replace(/^"|"$/g, '')).filter(Boolean);
    const csv = fields.slice(1).some((f) => /[A-Za-z]/.test(f));
    for (const f of csv ? fields.slice(0, 1) : fields.flatMap((f) => f.split(/\s+/))) {
      if (f) {
        out.push(f);
      }
    }
  }
  return out;
}

/** The columns of a stock CSV's header row (POST /api/numbers/import with text/csv). */
const COLUMNS = ['number', 'locality', 'region', 'rate_center', 'postal_code', 'type', 'features'];
/** The most rows of a report the table shows. */
const IMPORT_ROWS = 1000;

/** Whether {@code text} is a stock CSV: its first line names the number column and only the stock's columns. */
function isStockCsv(text) {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '');
  if (!header) {
    return false;
  }
  const names = header.split(',').map((name) => name.trim().replace(/^"|"$/g, ''));
  return names.includes('number') && names.every((name) => COLUMNS.includes(name));
}

/** Sends the text: a stock CSV as it is, anything else as the list of numbers in it. */
function send(text) {
  const carrier = $('import-carrier').value;
  if (isStockCsv(text)) {
    return api('POST', '/api/numbers/import?carrier=' + encodeURIComponent(carrier), text, 'text/csv; charset=utf-8');
  }
  const numbers = numbersIn(text);
  return numbers.length === 0 ? null : api('POST', '/api/numbers/import', { carrier, numbers });
}

async function importNumbers(event) {
  event.preventDefault();
  const sent = send($('import-text').value);
  if (sent === null) {
    show('error', 'nothing to import: paste numbers or drop a list or CSV');
    return;
  }
  try {
    const report = await sent;
    $('import-summary').textContent = report.carrier + ': ' + report.added + ' added, ' + report.present + ' present, '
      + report.invalid + ' invalid';
    const rows = $('import-rows');
    rows.replaceChildren();
    // The report lists only the invalid inputs and the present numbers (the added are counted); the table shows the
    // first IMPORT_ROWS of them.
    const lines = report.invalid_inputs.map(r => [r.input, '', 'invalid', r.reason]);
    for (const [state, numbers] of Object.entries(report.present_numbers)) {
      for (const n of numbers) {
        if (lines.length >= IMPORT_ROWS) break;
        lines.push([n, n, 'present', state]);
      }
    }
    for (const [input, number, result, why] of lines.slice(0, IMPORT_ROWS)) {
      const tr = el('tr', { class: result === 'invalid' ? 'result-failed' : '' });
      cell(tr, input);
      cell(tr, number);
      cell(tr, result, 'result');
      cell(tr, why);
      rows.appendChild(tr);
    }
    $('import-report').hidden = false;
  } catch (e) {
    fail(e);
  }
}

export function setUpImport() {
  if (canChange()) {
    $('import-form').addEventListener('submit', importNumbers);
    $('import-file').addEventListener('change', async () => {
      const file = $('import-file').files[0];
      if (file) {
        $('import-text').value = await file.text();
      }
    });
  }
}
