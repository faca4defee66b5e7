// The playground (issue 16): the problem file in the text area is sent to the WebAssembly module
// after every pause in typing, and the page it makes replaces <main>; its errors are listed with
// their line and column (a click puts the cursor there), and the answers field asks the module
// to check them. Uses NntraceWeb from interactive.js; nothing of the engine is written here.
(function () {
  'use strict';
  var form = document.getElementById('nntrace-playground');
  var main = document.querySelector('main');
  if (!form || !main) return;
  var text = form.elements.namedItem('problem');
  var errorList = form.querySelector('ol.errors');
  var checkResult = form.querySelector('.check-result');
  var latest = 0;
  var timer = null;

  function status(s) { form.querySelector('output.status').textContent = s; }
  function lang() { return form.elements.namedItem('lang').value; }

  // "yhat = 0.384, o1 = 0.5" (commas, semicolons or new lines between) → [["yhat", "0.384"], …]
  function answers() {
    return form.elements.namedItem('answers').value.split(/[,;\n]/).map(function (part) {
      var at = part.indexOf('=');
      return at < 0 ? null : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }).filter(function (pair) { return pair && pair[0] !== ''; });
  }

  // The offset in the text of a 1-based line and column (columns count characters).
  function offsetOf(line, column) {
    var lines = text.value.split('\n');
    var at = 0;
    for (var i = 0; i < line - 1 && i < lines.length; ++i) at += lines[i].length + 1;
    return at + Math.max(0, (column || 1) - 1);
  }

  function showErrors(errors) {
    errorList.replaceChildren();
    (errors || []).forEach(function (e) {
      var item = document.createElement('li');
      var where = e.line ? e.line + ':' + (e.column || 1) + ' ' : '';
      if (e.line) {
        var go = document.createElement('button');
        go.type = 'button';
        go.className = 'error-place';
        go.textContent = where;
        go.addEventListener('click', function () {
          var at = offsetOf(e.line, e.column);
          text.focus();
          text.setSelectionRange(at, at + 1);
        });
        item.appendChild(go);
      }
      item.appendChild(document.createTextNode(e.message));
      errorList.appendChild(item);
    });
    errorList.hidden = !errors || errors.length === 0;
    text.setAttribute('aria-invalid', errorList.hidden ? 'false' : 'true');
  }

  function render() {
    var run = ++latest;
    status(form.dataset.working);
    NntraceWeb.setState('loading');
    var request = { what: 'problem', text: text.value, name: form.dataset.name, lang: lang(), settings: [] };
    return NntraceWeb.call(request).then(function (response) {
      if (run !== latest) return null;
      showErrors(response.ok ? [] : response.errors);
      if (!response.ok) { status(''); NntraceWeb.setState('failed'); return null; }
      return NntraceWeb.showPage(main, response.html, response.figures, null, '').then(function () {
        status('');
        NntraceWeb.setState('ready');
      });
    }, function () {
      status(form.dataset.unavailable);
      NntraceWeb.setState('unavailable');
    });
  }

  function check() {
    var request = { what: 'check', text: text.value, name: form.dataset.name, lang: lang(), answers: answers() };
    return NntraceWeb.call(request).then(function (response) {
      if (!response.ok) { showErrors(response.errors); checkResult.replaceChildren(); return; }
      // The module's fragment: made by the engine's own renderer, every user text escaped there.
      checkResult.innerHTML = response.html;
      if (window.nntraceTypeset) nntraceTypeset(checkResult);
      checkResult.dataset.verdicts = JSON.stringify(response.verdicts || []);
    }, function () { status(form.dataset.unavailable); });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  }

  text.addEventListener('input', later);
  form.elements.namedItem('lang').addEventListener('change', render);
  form.elements.namedItem('check').addEventListener('click', check);
  form.elements.namedItem('answers').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); check(); }
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  render();
})();
