// The settings view (#settings/<carrier>): a carrier's settings as a form drawn from what it declares (each key with
// its kind, a mark when required, a secret never shown, its source and its line of documentation). Saving sends only
// the fields changed (PUT /api/carriers/{id}/settings); a refusal is shown beside the key it names, and a success says
// how the live swap went. On a plugin's page its instances are listed and an operator creates one; on an instance's
// page an operator removes it. A viewer reads the form with every field disabled.
import { api, canChange, describe, fail } from './api.js';
import { $, button, el, show } from './dom.js';
import { carriers, refreshCarriers } from './carriers.js';
import { carrierView } from './router.js';

let shown = null; // the carrier answered last, with its declared settings

function inputFor(s) {
  const id = 'setting-' + s.key;
  let input;
  if (s.type === 'true or false' || s.type.startsWith('one of ')) {
    const choices = s.type === 'true or false' ? ['true', 'false'] : s.type.substring('one of '.length).split(', ');
    input = el('select', { id });
    if (!s.required || s.value === null) {
      input.appendChild(el('option', { value: '' }, s.value === null ? '(unset)' : '(default)'));
    }
    for (const choice of choices) {
      input.appendChild(el('option', { value: choice }, choice));
    }
    input.value = s.secret || s.value === null ? '' : s.value;
  } else {
    input = el('input', { id, type: s.secret ? 'password' : 'text', autocomplete: s.secret ? 'new-password' : 'off',
      spellcheck: 'false' });
    if (s.secret) {
      input.placeholder = s.value === null ? 'unset' : 'set, not shown; type to replace';
    } else {
      input.value = s.value === null ? '' : s.value;
      if (s.default_value !== null) {
        input.placeholder = s.default_value;
      }
    }
  }
  input.dataset.key = s.key;
  input.dataset.original = s.secret || s.value === null ? '' : s.value;
  input.dataset.secret = s.secret ? 'true' : 'false';
  input.disabled = !canChange();
  input.setAttribute('aria-describedby', 'about-' + s.key + ' problem-' + s.key);
  return input;
}

/** Where a value came from, in words: unset, the default, or from the conf file, the environment, the API... */
function sourceText(source) {
  return source === 'unset' ? 'unset' : source === 'default' ? 'the default' : 'from ' + source.replace('_', ' ');
}

function settingRow(s) {
  const row = el('div', { class: 'setting' + (s.valid ? '' : ' invalid'), dataset: { setting: s.key } });
  const label = el('label', { for: 'setting-' + s.key, class: 'setting-key' }, s.key);
  if (s.required) {
    label.appendChild(el('span', { class: 'required', title: 'required: the carrier is not configured without it' }, ' *'));
  }
  row.appendChild(label);
  row.appendChild(inputFor(s));
  const about = el('div', { id: 'about-' + s.key, class: 'setting-about' }, s.doc);
  about.appendChild(el('span', { class: 'setting-type' }, ' · ' + s.type + (s.secret ? ', secret' : '')
    + (s.required ? ', required' : '') + ' · ' + sourceText(s.source)));
  row.appendChild(about);
  const problem = el('div', { id: 'problem-' + s.key, class: 'setting-problem', role: 'alert' }, s.problem || '');
  row.appendChild(problem);
  return row;
}

function render(c) {
  shown = c;
  const declared = c.settings || [];
  const instanceOf = c.plugin && c.plugin !== c.id ? c.plugin : null;
  $('settings-summary').textContent = c.id + (instanceOf ? ', an instance of ' + instanceOf : '') + ': ' + c.state
    + (c.version ? ' ' + c.version : '') + ', ' + (c.configured ? 'configured' : 'not configured')
    + (declared.length ? '' : '; it declares no settings');
  $('setting-rows').replaceChildren(...declared.map(settingRow));
  $('settings-form').hidden = declared.length === 0;
  $('settings-save').hidden = !canChange();
  renderInstances(c, instanceOf);
}

function renderInstances(c, instanceOf) {
  const part = $('instances-part');
  part.hidden = !c.plugin;
  if (instanceOf) {
    $('instances-title').textContent = 'Instance of ' + instanceOf;
    const from = el('li', {}, 'built from the plugin ');
    from.appendChild(el('a', { href: '#settings/' + encodeURIComponent(instanceOf) }, instanceOf));
    $('instance-list').replaceChildren(from);
    $('instance-form').hidden = true;
    $('instance-remove').hidden = !canChange();
    return;
  }
  $('instances-title').textContent = 'Instances of ' + c.id;
  const mine = carriers.list.filter((x) => x.plugin === c.id && x.id !== c.id && x.state !== 'UNLOADED');
  $('instance-list').replaceChildren(...(mine.length ? mine.map((x) => {
    const li = el('li', { dataset: { instance: x.id } });
    li.appendChild(el('a', { href: '#settings/' + encodeURIComponent(x.id) }, x.id));
    li.appendChild(document.createTextNode(' ' + x.state));
    return li;
  }) : [el('li', {}, 'none: each instance is a carrier of its own, another account of this plugin')]));
  $('instance-form').hidden = !canChange();
  $('instance-remove').hidden = true;
}

/** The fields changed from what was shown: each key to its new text, or null to return it to its default. */
function changes() {
  const changed = {};
  for (const input of $('setting-rows').querySelectorAll('[data-key]')) {
    if (input.value === input.dataset.original) {
      continue;
    }
    if (input.dataset.secret === 'true' && input.value === '') {
      continue; // a secret left empty stays as it is
    }
    changed[input.dataset.key] = input.value === '' ? null : input.value;
  }
  return changed;
}

/** Shows {@code error} beside the field whose full key it names, or else under the form. */
function showProblem(error) {
  for (const problem of $('setting-rows').querySelectorAll('.setting-problem')) {
    problem.textContent = '';
  }
  const text = describe(error);
  const named = [...$('setting-rows').querySelectorAll('[data-key]')].find((input) =>
    text.includes('carrier.' + shown.id + '.' + input.dataset.key + ':') || text.includes('setting ' + input.dataset.key + ' ')
    || text.includes('carrier.' + shown.id + '.' + input.dataset.key + ' '));
  if (named) {
    $('problem-' + named.dataset.key).textContent = error.message + (error.cause ? ' (' + error.cause + ')' : '');
    named.setAttribute('aria-invalid', 'true');
    named.closest('.setting').classList.add('invalid');
    named.focus();
  }
  $('settings-result').className = 'failed';
  $('settings-result').textContent = 'Not saved: ' + text + '. The carrier keeps serving with its old settings.';
}

async function save(event) {
  event.preventDefault();
  const changed = changes();
  if (Object.keys(changed).length === 0) {
    $('settings-result').className = '';
    $('settings-result').textContent = 'Nothing changed.';
    return;
  }
  $('settings-save').disabled = true;
  try {
    const c = await api('PUT', '/api/carriers/' + encodeURIComponent(shown.id) + '/settings', changed);
    render(c);
    $('settings-result').className = 'ok';
    $('settings-result').textContent = 'Saved ' + Object.keys(changed).sort().join(', ') + ' and applied live: '
      + (c.state === 'STARTED' ? 'a generation started with them took over with no gap' : 'kept for when it is enabled')
      + '; now ' + c.state + ', ' + (c.configured ? 'configured' : 'not configured') + '.';
    refreshCarriers([c.id]);
  } catch (e) {
    if (e.status === 400) {
      showProblem(e);
    } else {
      fail(e);
    }
  } finally {
    $('settings-save').disabled = false;
  }
}

async function createInstance(event) {
  event.preventDefault();
  const id = $('instance-id').value.trim();
  $('instance-problem').textContent = '';
  try {
    const c = await api('POST', '/api/carriers/' + encodeURIComponent(shown.id) + '/instances', { id, settings: {} });
    show('ok', 'created ' + c.id + ', an instance of ' + shown.id + ': ' + c.state + '; set its settings and save');
    $('instance-id').value = '';
    refreshCarriers([c.id]);
    location.hash = '#settings/' + encodeURIComponent(c.id);
  } catch (e) {
    $('instance-problem').textContent = describe(e);
    $('instance-id').setAttribute('aria-invalid', 'true');
  }
}

async function removeInstance() {
  const id = shown.id;
  const plugin = shown.plugin;
  if (!confirm('Remove the instance ' + id + '? It is unloaded and its stored settings dropped; ' + plugin + ' and its other instances keep serving.')) {
    return;
  }
  try {
    const c = await api('DELETE', '/api/carriers/' + encodeURIComponent(id));
    show('ok', 'removed ' + id + ': ' + c.state);
    refreshCarriers([id]);
    location.hash = '#settings/' + encodeURIComponent(plugin);
  } catch (e) {
    fail(e);
  }
}

async function load(id) {
  $('settings-result').textContent = '';
  render(await api('GET', '/api/carriers/' + encodeURIComponent(id)));
}

/** Wires the view; returns what it does at its address: #settings, or #settings/<carrier> for that carrier's form. */
export function setUpSettings() {
  const onShow = carrierView('settings', 'settings-pick', 'settings-carrier', (carrier) => load(carrier).catch(fail));
  $('settings-form').addEventListener('submit', save);
  $('instance-form').addEventListener('submit', createInstance);
  button($('instance-remove-slot'), 'Remove this instance', removeInstance, { id: 'instance-remove', class: 'danger', hidden: '' });
  return onShow;
}
