// Typesets every element of class "math" with KaTeX (the page's own copy: no network), and
// marks each image as loaded or not, so that a drawing that failed shows its source link.
// interactive.js calls nntraceTypeset again on the part of the page it replaces; an element
// typeset once is marked, since its text is KaTeX's output from then on, no longer TeX.
function nntraceTypeset(root) {
  if (window.katex) {
    root.querySelectorAll('.math:not([data-typeset])').forEach(function (el) {
      el.dataset.typeset = 'yes';
      katex.render(el.textContent, el, {
        displayMode: el.classList.contains('display'),
        throwOnError: false,
      });
    });
  }
  root.querySelectorAll('img').forEach(function (img) {
    function mark() { img.dataset.loaded = img.naturalWidth > 0 ? 'yes' : 'no'; }
    if (img.complete) mark();
    else { img.addEventListener('load', mark); img.addEventListener('error', mark); }
  });
}

document.addEventListener('DOMContentLoaded', function () { nntraceTypeset(document); });
