// Installing a plugin zip: the file picker, or a zip dropped anywhere on the page, with progress. A file
// dropped on the import view goes to its text box instead.
import { ApiError, canChange, describe, session } from './api.js';
import { carriers, refreshCarriers } from './carriers.js';
import { $ } from './dom.js';

function uploadZip(file) {
  const progress = $('upload-progress');
  const result = $('upload-result');
  progress.hidden = false;
  progress.value = 0;
  result.textContent = 'uploading ' + file.name + '…';
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/carriers');
    xhr.setRequestHeader('Authorization', 'Bearer ' + session.token);
    xhr.setRequestHeader('Content-Type', 'application/zip');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
      }
    });
    xhr.addEventListener('load', () => {
      progress.value = 100;
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        result.className = 'row-result ok';
        result.textContent = body.id + ' ' + body.version + ' is serving (' + body.state + ')';
        carriers.rowResults.set(body.id, { kind: 'ok', text: 'installed ' + body.version });
        refreshCarriers([body.id]);
      } else {
        const e = new ApiError(body, xhr.status);
        result.className = 'row-result failed';
        result.textContent = 'refused: ' + describe(e);
      }
      progress.hidden = true;
      resolve();
    });
    xhr.addEventListener('error', () => {
      result.className = 'row-result failed';
      result.textContent = 'upload failed: the host did not answer';
      progress.hidden = true;
      resolve();
    });
    xhr.send(file);
  });
}

/** Wires the upload form and drag and drop on the whole page. */
export function setUpUpload() {
  if (!canChange()) {
    return;
  }
  $('upload').addEventListener('submit', (event) => {
    event.preventDefault();
    if ($('zip').files[0]) {
      uploadZip($('zip').files[0]);
    }
  });
  let depth = 0;
  const zone = $('dropzone');
  const wantsFiles = (e) => canChange() && e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (wantsFiles(e) && !e.target.closest('#import')) {
      depth++;
      zone.hidden = false;
    }
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) {
      zone.hidden = true;
    }
  });
  document.addEventListener('dragover', (e) => {
    if (wantsFiles(e)) {
      e.preventDefault();
    }
  });
  document.addEventListener('drop', (e) => {
    depth = 0;
    zone.hidden = true;
    if (!canChange() || !e.dataTransfer || e.dataTransfer.files.length === 0) {
      return;
    }
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (e.target.closest && e.target.closest('#import')) {
      file.text().then((text) => { $('import-text').value = text; });
    } else {
      uploadZip(file);
    }
  });
}
