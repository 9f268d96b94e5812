// The first view (scripts/prerender.mjs puts a copy of the catalogue page into index.html, as an
// inert <template id="xs-first">): shown on a first visit to the catalogue while the app's module
// downloads. In ES5 like the browser check, which it follows in the same deferred file
// (check-<hash>.js).
//  - Shown only where it is the page the app will draw: this browser has never run the app (it
//    would know of no records, settings, county's list or language), the address names the
//    catalogue and carries no options (a portal's frame), and the app can run here.
//  - Shown only when the app has not started 2.5 s after navigation: on a line fast enough for
//    the app to be there by then, the user sees the app's page and nothing else (no copy that
//    flashes by, no control that is replaced under the pointer). On a slow line the page, its
//    stylesheet and this script take about as long anyway.
//  - A button pressed in it (发起协商 on a matter, a form sent, the language switch) is noted on
//    the copy (data-pressed, data-pressed-row, data-pressed-nth: its words, the text of its table
//    row, and its place among the buttons with the same words and row) and said in the status line;
//    text typed stays in its box. The app takes the copy down as it draws its own page, and does
//    the same there (ui/first_view.rs).
//  - A link followed changes the address; the app opens that page (a press noted before is
//    dropped; one made after brings the address back to the catalogue). The skip link moves the
//    focus, as in the app.
//  - The status line sits at the foot of the window (it moves nothing at hand-over and is seen
//    wherever the user has scrolled to); the pressed button is marked.
//  - If the app cannot be loaded (the line dropped), the status line and the loading line say so
//    and offer 刷新页面 instead of loading for ever.
(function () {
  var template = document.getElementById('xs-first');
  // The app's loading line, until the app starts (it empties #app).
  var loading = document.querySelector('#app > .loading');
  if (!template || !loading) return;
  var drop = function () { if (template.parentNode) template.parentNode.removeChild(template); };
  var trim = function (s) { return s.replace(/^\s+|\s+$/g, ''); };
  var catalogue = /^(#\/?(catalogue)?)?$/;
  var status = null;

  // The app's module could not be had (an error before the app started, other than the browser
  // check's): said instead of 正在加载 for ever.
  var failed = false;
  var FAILED = '工作台未能加载完成（网络中断或过慢）。请检查网络后刷新页面重试。';
  var fail = function (e) {
    var reason = e && (e.reason || e.error);
    if (failed || !loading.parentNode || window.__xieshangUnsupported) return;
    if (reason && typeof WebAssembly === 'object' && reason instanceof WebAssembly.CompileError) return;
    failed = true;
    loading.textContent = FAILED;
    if (status) {
      status.textContent = FAILED + ' ';
      var again = document.createElement('button');
      again.type = 'button';
      again.setAttribute('data-reload', '');
      again.textContent = '刷新页面';
      again.addEventListener('click', function () { location.reload(); });
      status.appendChild(again);
    }
  };
  window.addEventListener('unhandledrejection', fail);
  window.addEventListener('error', fail);

  var show = false;
  try {
    show = 'content' in template && xieshangCanRun() && !window.__xieshangUnsupported &&
      !localStorage.getItem('xieshang:build') && !location.search && catalogue.test(location.hash);
  } catch (e) {}
  if (!show) {
    drop();
    return;
  }
  var since = window.performance && performance.now ? performance.now() : 0;
  setTimeout(function () {
    // The app has started (and takes the template away itself), or has no need of it.
    if (!template.parentNode || !loading.parentNode || window.__xieshangUnsupported) return;
    var first = document.createElement('div');
    first.id = 'xs-first';
    first.appendChild(template.content.cloneNode(true));
    shown(first);
    template.parentNode.replaceChild(first, template);
    // The copy says it is loading: the app's loading line would say it twice.
    loading.hidden = true;
  }, Math.max(0, 2500 - since));

  function shown(first) {
    status = document.createElement('p');
    status.className = 'first-status';
    status.setAttribute('role', 'status');
    status.textContent = failed ? FAILED : '工作台正在加载，可先查看协商事项清单。';
    first.appendChild(status);

    // The table row a button is in (a matter's), if any.
    var rowOf = function (e) {
      while (e && e !== first && e.tagName !== 'TR') e = e.parentNode;
      return e && e !== first ? e : null;
    };
    var marked = null;
    var forget = function () {
      first.removeAttribute('data-pressed');
      first.removeAttribute('data-pressed-row');
      first.removeAttribute('data-pressed-nth');
      if (marked) marked.className = marked.className.replace(/ ?first-pressed/, '');
      marked = null;
    };
    var press = function (button) {
      var words = trim(button.textContent);
      var row = rowOf(button);
      var rowText = row ? trim(row.textContent) : null;
      var all = first.getElementsByTagName('button');
      var nth = 0;
      for (var i = 0; i < all.length && all[i] !== button; i++) {
        var r = rowOf(all[i]);
        if (trim(all[i].textContent) === words && (r ? trim(r.textContent) : null) === rowText) nth++;
      }
      forget();
      // A press after a link followed: the catalogue's page is where it acts.
      if (!catalogue.test(location.hash)) {
        try { history.replaceState(null, '', '#/catalogue'); } catch (e) {}
      }
      first.setAttribute('data-pressed', words);
      first.setAttribute('data-pressed-nth', String(nth));
      if (row) first.setAttribute('data-pressed-row', rowText);
      marked = button;
      button.className += ' first-pressed';
      // What it acts on: the matter's row, the name typed in its form, or what the button is for.
      var name = row ? row.querySelector('.name, th') : null;
      var box = button.form ? button.form.querySelector('input[type=text]') : null;
      var what = name ? trim(name.textContent) : box && trim(box.value) ? trim(box.value) : null;
      var said = what ? '“' + what + '”的“' + words + '”' : '“' + (button.title || words) + '”';
      if (!failed) status.textContent = '已收到' + said + '，工作台加载完成后自动继续……';
    };
    first.addEventListener('click', function (e) {
      var t = e.target;
      while (t && t !== first && t.tagName !== 'BUTTON' && t.tagName !== 'A') t = t.parentNode;
      if (!t || t === first || t.hasAttribute('data-reload')) return;
      var href = t.getAttribute('href');
      if (t.tagName === 'A') {
        // A link within the page (跳到正文): the focus goes there, the address stays.
        if (href && href.charAt(0) === '#' && href.charAt(1) !== '/') {
          e.preventDefault();
          var to = document.getElementById(href.slice(1));
          if (to && first.contains(to)) to.focus();
        }
        return;
      }
      e.preventDefault();
      press(t);
    });
    // Enter in a box sends its form: the form's button is what was pressed.
    first.addEventListener('submit', function (e) {
      e.preventDefault();
      var b = e.target.querySelector('button[type=submit]') || e.target.querySelector('button');
      if (b) press(b);
    });
    window.addEventListener('hashchange', function () {
      if (!first.parentNode || catalogue.test(location.hash)) return;
      forget();
      if (!failed) status.textContent = '工作台正在加载，加载完成后打开所选的页面……';
    });
  }
})();
