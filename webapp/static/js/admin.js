// The admin area works without this file; with it, the statement body gets a rich-text
// editor (Quill, from its webjar), tags get suggestions, an open editor keeps the login alive, and
// leaving it with unsaved changes asks first.
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
      formats: ['header', 'bold', 'italic', 'underline', 'link', 'list', 'blockquote'],
      modules: {
        toolbar: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline', 'link'],
                  [{ list: 'ordered' }, { list: 'bullet' }], ['blockquote'], ['clean']]
      }
    });
    // Pasted Word and Google Docs markup is reduced to the formats above by Quill, and the
    // server sanitises whatever arrives anyway.
    quill.clipboard.dangerouslyPasteHTML(textarea.value);
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

  document.addEventListener('DOMContentLoaded', function () {
    unsavedChangesGuard();
    richText();
    tagSuggestions();
    keepAlive();
  });
})();
