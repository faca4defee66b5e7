// Typesets every element of class "math" with KaTeX (the page's own copy: no network), and
// marks each image as loaded or not, so that a drawing that failed shows its source link.
document.addEventListener('DOMContentLoaded', function () {
  if (window.katex) {
    document.querySelectorAll('.math').forEach(function (el) {
      katex.render(el.textContent, el, {
        displayMode: el.classList.contains('display'),
        throwOnError: false,
      });
    });
  }
  document.querySelectorAll('img').forEach(function (img) {
    function mark() { img.dataset.loaded = img.naturalWidth > 0 ? 'yes' : 'no'; }
    if (img.complete) mark();
    else { img.addEventListener('load', mark); img.addEventListener('error', mark); }
  });
});
