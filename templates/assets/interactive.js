// The engine in the browser (issue 16). The page's panel holds the lesson's parameters; this
// script reads it, asks the WebAssembly module (assets/web/nntrace-web.js) for the whole page at
// those values, and puts that page's <main> in place of this one's: diagrams drawn by Viz from
// the module's DOT, gnuplot's plots kept with a note (the browser has no gnuplot), math typeset
// by KaTeX as on the static page. Nothing of the engine is written here: no number is computed,
// rounded or formatted in JavaScript. The playground (playground.js) shares NntraceWeb.
//
// The settings live in the URL fragment (#w5=0.3&decimals=4), so that a link keeps them. The
// <html> element tells a test where the page is: data-nntrace-state (loading, ready, failed,
// unavailable) and data-nntrace-runs (requests answered so far).
var NntraceWeb = (function () {
  'use strict';
  var modulePromise = null;
  var vizPromise = null;

  function engine() {
    if (!modulePromise) {
      modulePromise = typeof createNntrace === 'function'
        ? createNntrace() : Promise.reject(new Error('assets/web/nntrace-web.js did not load'));
    }
    return modulePromise;
  }

  function viz() {
    if (!vizPromise) {
      vizPromise = window.Viz ? Viz.instance().catch(function () { return null; }) : Promise.resolve(null);
    }
    return vizPromise;
  }

  // One request to the module: an object in, the parsed response out.
  function call(request) {
    return engine().then(function (module) { return JSON.parse(module.render(JSON.stringify(request))); });
  }

  function setState(state) {
    var root = document.documentElement;
    root.dataset.nntraceState = state;
    if (state === 'ready' || state === 'failed') {
      root.dataset.nntraceRuns = String(Number(root.dataset.nntraceRuns || '0') + 1);
    }
  }

  // The <figure> whose image or source link is `src` (as the module's page writes it).
  function figureFor(root, src) {
    var found = null;
    root.querySelectorAll('figure img, figure a').forEach(function (el) {
      if (!found && (el.getAttribute('src') === src || el.getAttribute('href') === src)) found = el.closest('figure');
    });
    return found;
  }

  function drawDiagram(figure, svg) {
    var box = figure.querySelector('.drawing-box');
    if (!box) {
      box = document.createElement('div');
      box.className = 'drawing-box';
      figure.insertBefore(box, figure.firstChild);
    }
    box.replaceChildren(svg);
    figure.dataset.redrawn = 'yes';
  }

  // A figure the browser does not redraw (a gnuplot plot): the static page's own figure, with a
  // note that it shows the lesson's values. `kept` maps a figure's id to that figure (none in the
  // playground, where such a figure is left out: its picture was never drawn).
  function keepPlot(figure, kept, note) {
    var original = kept && kept[figure.id];
    if (!original) { figure.remove(); return; }  // nothing drawn to keep: no broken picture
    var copy = original.cloneNode(true);
    var p = document.createElement('p');
    p.className = 'plot-note';
    p.textContent = note || '';
    copy.appendChild(p);
    figure.replaceWith(copy);
  }

  function drawFigures(root, figures, kept, note) {
    return viz().then(function (instance) {
      Object.keys(figures).forEach(function (src) {
        var figure = figureFor(root, src);
        if (!figure) return;
        var dot = figures[src];
        // A plot, or a diagram where Graphviz did not load or failed: the static figure stays.
        if (dot === null || !instance) { keepPlot(figure, kept, note); return; }
        try { drawDiagram(figure, instance.renderSVGElement(dot)); } catch (e) { keepPlot(figure, kept, note); }
      });
    });
  }

  // Puts the <main> of `html` (a whole page from the module) in place of the children of `main`.
  function showPage(main, html, figures, kept, note) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var fresh = doc.querySelector('main') || doc.body;
    var box = document.createElement('div');
    Array.from(fresh.childNodes).forEach(function (n) { box.appendChild(document.adoptNode(n)); });
    return drawFigures(box, figures || {}, kept, note).then(function () {
      if (window.nntraceTypeset) nntraceTypeset(box);
      main.replaceChildren.apply(main, Array.from(box.childNodes));
    });
  }

  function figuresById(main) {
    var kept = {};
    main.querySelectorAll('figure[id]').forEach(function (f) { kept[f.id] = f.cloneNode(true); });
    return kept;
  }

  return { start: engine, call: call, showPage: showPage, setState: setState, figuresById: figuresById };
})();

// The lesson page's panel. It starts once the page is typeset (nntrace.js's listener comes first),
// so that the copy of <main> kept for the reset is the page as the reader first saw it.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var form = document.getElementById('nntrace-panel');
  var main = document.querySelector('main');
  if (!form || !main) return;
  var original = main.cloneNode(true);  // the lesson's values, as typeset: what the reset brings back
  var kept = NntraceWeb.figuresById(main);
  var arithmetic = ['decimals', 'exact', 'rounding'];
  var latest = 0;
  var timer = null;
  var extra = [];  // fragment settings the panel has no field for (internal ones): passed on

  function fields() {
    return Array.from(form.querySelectorAll('input[name], select[name]'));
  }

  function valueOf(field) {
    if (field.type === 'checkbox') return field.checked ? field.value : '';
    return field.value.trim();
  }

  function setValue(field, value) {
    if (field.type === 'checkbox') field.checked = value === field.value;
    else field.value = value;
  }

  // [name, value] pairs for every field that differs from the lesson; decimals travel with their
  // rounding, and an exact run takes neither (the CLI's --exact refuses both).
  function settings() {
    var out = [];
    var byName = {};
    fields().forEach(function (f) {
      byName[f.name] = f;
      if (arithmetic.indexOf(f.name) < 0 && valueOf(f) !== f.dataset.default) out.push([f.name, valueOf(f)]);
    });
    extra.forEach(function (pair) { out.push(pair); });
    var changed = function (name) { return byName[name] && valueOf(byName[name]) !== byName[name].dataset.default; };
    if (byName.exact && valueOf(byName.exact) === '1') {
      if (changed('exact')) out.push(['exact', '1']);
    } else if (changed('decimals') && valueOf(byName.decimals) !== '') {
      out.push(['decimals', valueOf(byName.decimals)]);
      out.push(['rounding', valueOf(byName.rounding)]);
    } else if (changed('rounding')) {
      out.push(['rounding', valueOf(byName.rounding)]);
    }
    return out;
  }

  function fieldNamed(name) {
    return fields().filter(function (f) { return f.name === name; })[0] || null;
  }

  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    extra = [];
    fields().forEach(function (f) { setValue(f, f.dataset.default); });
    params.forEach(function (value, name) {
      var field = fieldNamed(name);
      if (field) setValue(field, value);
      else extra.push([name, value]);
    });
    uncheckExactFor(params.get('decimals'), params.has('exact'));
  }

  // Decimals asked for mean a hand calculation: the exact box, unless also asked for, unticks.
  function uncheckExactFor(decimals, exactAsked) {
    var exact = fieldNamed('exact');
    if (exact && decimals && !exactAsked) exact.checked = false;
  }

  function toHash(pairs) {
    var text = new URLSearchParams(pairs).toString();
    history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
  }

  function clearErrors() {
    form.querySelectorAll('output.error').forEach(function (o) { o.textContent = ''; });
    fields().forEach(function (f) { f.removeAttribute('aria-invalid'); });
  }

  function showErrors(errors) {
    (errors || []).forEach(function (e) {
      var field = e.setting ? fieldNamed(e.setting) : null;
      var out = form.querySelector('output.error[data-for="' + (field ? CSS.escape(e.setting) : '') + '"]');
      if (field) field.setAttribute('aria-invalid', 'true');
      out.textContent = (out.textContent ? out.textContent + ' ' : '') + e.message;
    });
  }

  function status(text) { form.querySelector('output.status').textContent = text; }

  function recompute() {
    var pairs = settings();
    var run = ++latest;
    clearErrors();
    if (pairs.length === 0) {  // the lesson's own values: the static page as it came
      main.replaceChildren.apply(main, Array.from(original.cloneNode(true).childNodes));
      NntraceWeb.setState('ready');
      return Promise.resolve();
    }
    status(form.dataset.working);
    NntraceWeb.setState('loading');
    var request = { what: 'lesson', lesson: form.dataset.lesson, lang: form.dataset.lang, settings: pairs };
    return NntraceWeb.call(request).then(function (response) {
      if (run !== latest) return null;
      if (!response.ok) {  // the page keeps its last good state
        showErrors(response.errors);
        status('');
        NntraceWeb.setState('failed');
        return null;
      }
      return NntraceWeb.showPage(main, response.html, response.figures, kept, form.dataset.plotNote).then(function () {
        status('');
        NntraceWeb.setState('ready');
      });
    }, function () {
      status(form.dataset.unavailable);
      NntraceWeb.setState('unavailable');
    });
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(function () { toHash(settings()); recompute(); }, 250);
  }

  form.addEventListener('input', function (e) {
    if (e.target.name === 'decimals') uncheckExactFor(e.target.value.trim(), false);
    changed();
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); changed(); });
  form.elements.namedItem('reset').addEventListener('click', function () {
    toHash([]);
    fromHash();
    recompute();
  });
  window.addEventListener('hashchange', function () { fromHash(); recompute(); });
  fromHash();
  if (location.hash.length > 1) recompute();
  else NntraceWeb.start().then(function () { NntraceWeb.setState('ready'); },
                               function () { status(form.dataset.unavailable); NntraceWeb.setState('unavailable'); });
});
