// The import view: numbers pasted, or a list or CSV dropped, into a local carrier, with a report for each.
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

async function importNumbers(event) {
  event.preventDefault();
  const numbers = numbersIn($('import-text').value);
  if (numbers.length === 0) {
    show('error', 'nothing to import: paste numbers or drop a list or CSV');
    return;
  }
  try {
    const report = await api('POST', '/api/numbers/import', { carrier: $('import-carrier').value, numbers });
    $('import-summary').textContent = report.carrier + ': ' + report.added + ' added, ' + report.present + ' present, '
      + report.invalid + ' invalid';
    const rows = $('import-rows');
    rows.replaceChildren();
    for (const r of report.results) {
      const tr = el('tr', { class: r.result === 'invalid' ? 'result-failed' : '' });
      cell(tr, r.input);
      cell(tr, r.number);
      cell(tr, r.result, 'result');
      cell(tr, r.result === 'invalid' ? r.reason : r.state);
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
  }
}
