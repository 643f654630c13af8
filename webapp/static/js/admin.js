// The admin area works without this file; with it, the statement body gets a rich-text
// editor (Quill, from its webjar), tags get suggestions, an open editor keeps the login alive,
// leaving it with unsaved changes asks first, and photos can be dropped or pasted to upload them,
// each with its progress and message.
(function () {
  'use strict';

  function richText() {
    var textarea = document.querySelector('textarea.rich');
    if (!textarea || typeof Quill === 'undefined') return;
    var holder = document.createElement('div');
    holder.className = 'rich-editor';
    // The statement's language and direction: an Arabic body is written right to left.
    if (textarea.dir) holder.dir = textarea.dir;
    if (textarea.lang) holder.lang = textarea.lang;
    textarea.parentNode.insertBefore(holder, textarea.nextSibling);
    textarea.hidden = true;
    var quill = new Quill(holder, {
      theme: 'snow',
      formats: ['header', 'bold', 'italic', 'underline', 'link', 'list', 'blockquote', 'image'],
      modules: {
        toolbar: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline', 'link'],
                  [{ list: 'ordered' }, { list: 'bullet' }], ['blockquote'], ['clean']]
      }
    });
    // Pasted Word and Google Docs markup is reduced to the formats above by Quill, and the
    // server sanitises whatever arrives anyway.
    // A photo of the text is stored as a <figure> whose caption and sizes the server writes from the
    // library at each save: the editor holds only its <img>, so a caption is never typed into the text.
    var stored = document.createElement('template');
    stored.innerHTML = textarea.value;
    stored.content.querySelectorAll('figcaption').forEach(function (c) { c.remove(); });
    stored.content.querySelectorAll('figure').forEach(function (f) { f.replaceWith.apply(f, f.childNodes); });
    stored.content.querySelectorAll('img').forEach(function (i) { i.removeAttribute('srcset'); i.removeAttribute('sizes'); });
    quill.clipboard.dangerouslyPasteHTML(stored.innerHTML);
    textarea.quill = quill; // for the featured image box, which can put an uploaded photo into the text
    nameControls(quill.getModule('toolbar').container);
    var area = holder.querySelector('.ql-editor');
    area.setAttribute('role', 'textbox');
    area.setAttribute('aria-multiline', 'true');
    area.setAttribute('aria-labelledby', 'body-label');
    area.setAttribute('aria-describedby', 'body-help');
    var label = document.querySelector('label[for=body]');
    if (label) { label.id = 'body-label'; label.addEventListener('click', function () { quill.focus(); }); }
    textarea.form.addEventListener('submit', function () {
      textarea.value = quill.getText().trim() ? quill.root.innerHTML : '';
    });
    // Toolbar formatting changes no form field by itself: tell the unsaved-changes guard.
    quill.on('text-change', function (delta, old, source) {
      if (source === 'user') textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  // Leaving the editor with changes not saved asks first; saving does not. A page shown again
  // after a refused save holds unsaved input from the start (data-unsaved).
  function unsavedChangesGuard() {
    var form = document.getElementById('statement-form');
    if (!form) return;
    var dirty = form.hasAttribute('data-unsaved');
    function changed() { dirty = true; }
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', function () { dirty = false; });
    window.addEventListener('beforeunload', function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = true; // browsers before the standard want a value to ask
    });
  }

  // Quill's toolbar shows icons only: each control gets the name the page holds for it
  // (editor.html, #body-control-names), e.g. "bold", "list-ordered", "header-2".
  function nameControls(toolbar) {
    var names = {};
    Array.prototype.forEach.call(document.querySelectorAll('#body-control-names [data-control]'), function (li) {
      names[li.getAttribute('data-control')] = li.textContent.trim();
    });
    function name(element, control) {
      if (element && names[control]) element.setAttribute('aria-label', names[control]);
    }
    toolbar.setAttribute('role', 'toolbar');
    name(toolbar, 'toolbar');
    Array.prototype.forEach.call(toolbar.querySelectorAll('button'), function (button) {
      var format = (button.className.match(/ql-([\w-]+)/) || [])[1];
      name(button, button.value ? format + '-' + button.value : format);
    });
    Array.prototype.forEach.call(toolbar.querySelectorAll('.ql-picker'), function (picker) {
      var format = (picker.className.match(/ql-(?!picker)([\w-]+)/) || [])[1];
      name(picker.querySelector('.ql-picker-label'), format);
      Array.prototype.forEach.call(picker.querySelectorAll('.ql-picker-item'), function (item) {
        name(item, format + '-' + (item.getAttribute('data-value') || ''));
      });
    });
  }

  // Suggest existing tags for the part after the last comma.
  function tagSuggestions() {
    var input = document.getElementById('tags');
    var list = document.getElementById('tag-names');
    if (!input || !list) return;
    var names = Array.prototype.map.call(list.options, function (o) { return o.value; });
    input.removeAttribute('list');
    var box = document.createElement('ul');
    box.className = 'suggestions';
    box.setAttribute('aria-label', list.getAttribute('data-label') || '');
    box.hidden = true;
    input.parentNode.insertBefore(box, input.nextSibling);
    input.addEventListener('input', function () {
      var parts = input.value.split(',');
      var last = parts[parts.length - 1].trim().toLowerCase();
      box.innerHTML = '';
      box.hidden = true;
      if (!last) return;
      names.filter(function (n) { return n.toLowerCase().indexOf(last) === 0; }).slice(0, 8).forEach(function (n) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'link';
        b.textContent = n;
        b.addEventListener('click', function () {
          parts[parts.length - 1] = ' ' + n;
          input.value = parts.join(',').replace(/^\s+/, '') + ', ';
          box.innerHTML = '';
          box.hidden = true;
          input.focus();
        });
        li.appendChild(b);
        box.appendChild(li);
      });
      box.hidden = !box.firstChild;
    });
  }

  function keepAlive() {
    var ping = document.body.getAttribute('data-ping');
    if (!ping || !document.getElementById('statement-form')) return;
    setInterval(function () { fetch(ping, { credentials: 'same-origin' }); }, 5 * 60 * 1000);
  }


  // Sends one file to the media library (POST /admin/media, as the plain form would), reporting
  // progress; done(result) gets the server's answer for the file: {ok, message, id, thumbnail}.
  function uploadFile(url, csrf, file, progress, done) {
    var data = new FormData();
    data.append('_csrf', csrf);
    data.append('files', file, file.name || 'pasted.png');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) progress(Math.round(100 * e.loaded / e.total));
    });
    xhr.addEventListener('load', function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText).files[0]; } catch (e) { /* not our JSON: a 403 or 413 page */ }
      done(answer || { ok: false, message: xhr.status === 413 ? 'Too large.' : 'Refused (' + xhr.status + ').' });
    });
    xhr.addEventListener('error', function () { done({ ok: false, message: 'The upload did not reach the site.' }); });
    xhr.send(data);
  }

  // Files dropped on, or pasted into, an element: handle(files) gets those that are files.
  function acceptFiles(target, handle) {
    target.addEventListener('dragover', function (e) { e.preventDefault(); target.classList.add('dragging'); });
    target.addEventListener('dragleave', function () { target.classList.remove('dragging'); });
    target.addEventListener('drop', function (e) {
      e.preventDefault();
      target.classList.remove('dragging');
      if (e.dataTransfer && e.dataTransfer.files.length) handle(Array.prototype.slice.call(e.dataTransfer.files));
    });
  }

  // The library's upload form: each chosen, dropped or pasted file is sent on its own, with a
  // line showing its progress and then its message; the page reloads once every file is done.
  function libraryUploads() {
    var form = document.querySelector('form[data-upload]');
    if (!form) return;
    var list = form.querySelector('.upload-results');
    var csrf = form.querySelector('input[name=_csrf]').value;
    var input = form.querySelector('input[type=file]');
    form.querySelector('.drop-hint').hidden = false;
    var pending = 0;
    var kept = 0;
    function send(files) {
      files.forEach(function (file) {
        var line = document.createElement('li');
        var name = document.createElement('strong');
        name.textContent = file.name || 'pasted image';
        var state = document.createElement('span');
        var bar = document.createElement('progress');
        bar.max = 100;
        bar.value = 0;
        line.append(name, ': ', state, ' ', bar);
        state.textContent = form.getAttribute('data-uploading');
        list.appendChild(line);
        pending++;
        uploadFile(form.action, csrf, file, function (p) { bar.value = p; }, function (r) {
          bar.remove();
          line.className = r.ok ? 'ok' : 'refused';
          state.textContent = r.message;
          pending--;
          if (r.ok) kept++;
          if (pending === 0 && kept > 0) setTimeout(function () { window.location.reload(); }, 1200);
        });
      });
    }
    form.addEventListener('submit', function (e) {
      if (!input.files.length) return;
      e.preventDefault();
      send(Array.prototype.slice.call(input.files));
      input.value = '';
    });
    acceptFiles(form, send);
    document.addEventListener('paste', function (e) {
      var files = e.clipboardData ? Array.prototype.slice.call(e.clipboardData.files) : [];
      if (files.length) { e.preventDefault(); send(files); }
    });
  }

  // The editor's featured image: a photo dropped on its box, or pasted anywhere in the editor,
  // is uploaded to the library, added to the choices and chosen; the alt text field is next.
  // Alt text, caption and credit start from the library's when a photo is picked.
  function featuredImage() {
    var box = document.getElementById('featured-image');
    if (!box) return;
    var form = box.form || box.closest('form');
    var csrf = form.querySelector('input[name=_csrf]').value;
    var status = box.querySelector('.upload-status');
    var choices = box.querySelector('.image-choices');
    box.querySelector('.drop-hint').hidden = false;
    function fill(radio) {
      ['alt', 'caption', 'credit'].forEach(function (k) {
        var field = form.querySelector('[name=image' + k.charAt(0).toUpperCase() + k.slice(1) + ']');
        var value = radio.getAttribute('data-' + k);
        if (field && !field.value && value) field.value = value;
      });
    }
    choices.addEventListener('change', function (e) { if (e.target.name === 'imageId') fill(e.target); });
    // "Insert in text" beside each photo: it goes into the text where the cursor was.
    function insertButton(radio) {
      var text = document.querySelector('textarea.rich');
      var src = radio.getAttribute('data-inline');
      if (!text || !text.quill || !src) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'link insert';
      button.textContent = box.getAttribute('data-insert');
      button.addEventListener('click', function () {
        var at = (text.quill.getSelection(true) || { index: text.quill.getLength() }).index;
        text.quill.insertEmbed(at, 'image', src, 'user');
      });
      radio.closest('li').appendChild(button);
    }
    setTimeout(function () { choices.querySelectorAll('input[data-inline]').forEach(insertButton); }, 0);
    // Each photo is uploaded; then chosen as the featured image, or (placed) put into the text.
    function send(files, placed) {
      files.filter(function (f) { return /^image\//.test(f.type); }).forEach(function (file) {
        status.textContent = box.getAttribute('data-uploading') + ' ' + (file.name || '');
        uploadFile(box.getAttribute('data-upload-url'), csrf, file, function (p) {
          status.textContent = box.getAttribute('data-uploading') + ' ' + (file.name || '') + ' ' + p + '%';
        }, function (r) {
          status.textContent = (file.name || '') + ': ' + r.message;
          if (!r.ok) return;
          if (placed) { placed(r); return; }
          var item = document.createElement('li');
          var label = document.createElement('label');
          var radio = document.createElement('input');
          radio.type = 'radio';
          radio.name = 'imageId';
          radio.value = r.id;
          radio.setAttribute('data-inline', r.inline);
          var img = document.createElement('img');
          img.src = r.thumbnail;
          img.alt = '';
          var name = document.createElement('span');
          name.textContent = r.fileName;
          label.append(radio, img, name);
          item.appendChild(label);
          choices.insertBefore(item, choices.children[1] || null);
          insertButton(radio);
          radio.checked = true;
          radio.dispatchEvent(new Event('change', { bubbles: true }));
          var alt = form.querySelector('[name=imageAlt]');
          if (alt) alt.focus();
        });
      });
    }
    acceptFiles(box, send);
    form.addEventListener('paste', function (e) {
      var data = e.clipboardData;
      if (!data) return;
      var files = Array.prototype.slice.call(data.files || []);
      var text = document.querySelector('textarea.rich');
      var inText = text && text.quill && e.target.closest && e.target.closest('.ql-editor');
      if (files.length && inText) {
        // A photo pasted into the text goes into the library, then into the text where the cursor was.
        e.preventDefault(); e.stopPropagation();
        var at = (text.quill.getSelection(true) || { index: text.quill.getLength() }).index;
        send(files, function (r) { text.quill.insertEmbed(at, 'image', r.inline, 'user'); });
        return;
      }
      if (files.length) { e.preventDefault(); e.stopPropagation(); send(files); return; }
      // Pasted HTML: the body keeps no pictures from other sites (they are tracking pixels), so say so.
      var html = data.getData('text/html');
      if (html && /<img\b/i.test(html)) {
        var count = (html.match(/<img\b/gi) || []).length;
        status.textContent = box.getAttribute('data-left-out').replace('{0}', count);
      }
    }, true);
  }

  document.addEventListener('DOMContentLoaded', function () {
    unsavedChangesGuard();
    richText();
    tagSuggestions();
    keepAlive();
    libraryUploads();
    featuredImage();
  });
})();
