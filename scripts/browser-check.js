// The browser check: a classic script in ES5 (it must run where the app cannot), loaded with
// `defer` before the app's start-up module. In a browser that cannot run the app it replaces the
// loading line with what to do, instead of leaving 正在加载…… on screen for ever:
//  - at once, when the browser lacks what the app is built on (ES modules; WebAssembly with
//    reference types, i.e. Chromium 96, Firefox 79, Safari 15 and later);
//  - as soon as the browser refuses to compile the app's WebAssembly (a Content-Security-Policy
//    without 'wasm-unsafe-eval' support: Chromium before 97, Firefox before 102), or cannot
//    parse the start-up script.
// Written into the build by scripts/postbuild.mjs (as check-<hash>.js) and inlined by
// scripts/single.mjs, after scripts/unsupported.js (the test and the words, shared with embed.js).
(function () {
  var said = false;
  function say() {
    if (said) return;
    said = true;
    var show = function () {
      // The first view (scripts/first-view.js) goes: the app will not take it down.
      var first = document.getElementById('xs-first');
      if (first) first.parentNode.removeChild(first);
      var app = document.getElementById('app');
      if (app) xieshangSayUnsupported(app);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }
  if (!xieshangCanRun()) {
    // The start-up module does not start the app (it would fail half-way in such a browser).
    window.__xieshangUnsupported = true;
    say();
    return;
  }
  // Compilation refused by the page's policy (the browser does not know 'wasm-unsafe-eval').
  document.addEventListener('securitypolicyviolation', function (e) {
    if (/eval/.test(e.blockedURI || '') || /eval/.test(e.sample || '')) say();
  });
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    if (r && (r instanceof WebAssembly.CompileError || /Wasm code generation disallowed/.test(String(r.message)))) say();
  });
  // The start-up script does not parse here.
  window.addEventListener('error', function (e) {
    if (e.error instanceof SyntaxError && /\/start-[0-9a-f]+\.js/.test(e.filename || '')) say();
  });
})();
