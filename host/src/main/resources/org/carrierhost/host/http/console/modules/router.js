// The views and their addresses: #carriers, #numbers (#numbers/<number> for one number), #holds,
// #reconcile (#reconcile/<carrier> for one carrier's report), #settings (#settings/<carrier> for one carrier's form), #import, #audit, #cluster. One view is shown at a time; the address is the only state, so back, forward, a
// bookmark and a reload all land on the same view.
import { $ } from './dom.js';

const views = new Map();
let current = null;
let address = '#carriers';

/**
 * Declares view {@code name} (its section has that id), with what to do when it is shown (given the rest
 * of the address, if any) and when it is left.
 */
export function view(name, onShow, onLeave) {
  views.set(name, { onShow: onShow || (() => {}), onLeave: onLeave || (() => {}) });
}

function available(name) {
  const section = $(name);
  const link = document.querySelector('#views a[data-view="' + name + '"]');
  return views.has(name) && section !== null && link !== null && !link.hidden;
}

/** Shows the view the address names, or the carriers where it names none this session has. */
function decoded(hash) {
  try {
    return decodeURIComponent(hash);
  } catch (e) {
    return hash; // a malformed escape: no view has such a name
  }
}

export function route() {
  const [name, ...rest] = decoded(location.hash.replace(/^#/, '')).split('/');
  if (name === 'app' && current !== null) {
    // The skip link: to the view shown, which keeps its address.
    history.replaceState(null, '', address);
    $('app').focus();
    return;
  }
  if (!available(name)) {
    history.replaceState(null, '', '#carriers');
    address = '#carriers';
    show('carriers', '');
    return;
  }
  address = location.hash;
  show(name, rest.join('/'));
}

function show(name, arg) {
  if (current !== null && current !== name) {
    views.get(current).onLeave();
  }
  for (const section of document.querySelectorAll('main section.view')) {
    section.hidden = section.id !== name;
  }
  for (const link of document.querySelectorAll('#views a')) {
    if (link.dataset.view === name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const changed = current !== name;
  current = name;
  if (changed) {
    window.scrollTo(0, 0);
    document.dispatchEvent(new CustomEvent('viewchange', { detail: name }));
  }
  views.get(name).onShow(arg);
}

export function followAddress() {
  window.addEventListener('hashchange', route);
  route();
}

/**
 * A view of one carrier at #<name>/<carrier>: {@code form}'s {@code input} names the carrier; submitting it goes to
 * that address (or reads the carrier again when already there). Returns what the view does when shown.
 */
export function carrierView(name, form, input, load) {
  $(form).addEventListener('submit', (event) => {
    event.preventDefault();
    const carrier = $(input).value.trim();
    if (location.hash === '#' + name + '/' + carrier) {
      load(carrier);
    } else {
      location.hash = '#' + name + '/' + carrier;
    }
  });
  return (carrier) => {
    if (carrier) {
      $(input).value = carrier;
      load(carrier);
    }
  };
}
