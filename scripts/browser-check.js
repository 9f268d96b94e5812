// The browser check: a classic script in ES5 (it must run where the app cannot), loaded with
// `defer` before the app's start-up module. In a browser that cannot run the app it replaces the
// loading line with what to do, instead of leaving 正在加载…… on screen for ever:
//  - at once, when the browser lacks what the app is built on (ES modules; WebAssembly with
//    reference types, i.e. Chromium 96, Firefox 79, Safari 15 and later);
//  - as soon as the browser refuses to compile the app's WebAssembly (a Content-Security-Policy
//    without 'wasm-unsafe-eval' support: Chromium before 97, Firefox before 102), or cannot
//    parse the start-up script.
// Written into the build by scripts/postbuild.mjs (as check-<hash>.js) and inlined by
// scripts/single.mjs. The words are the page's own, like its loading line: the translation
// layer lives in the wasm this browser cannot run.
(function () {
  var said = false;
  function say() {
    if (said) return;
    said = true;
    var show = function () {
      var app = document.getElementById('app');
      if (!app) return;
      app.innerHTML =
        '<div class="unsupported" role="alert" lang="zh-CN">' +
        '<h1>此浏览器无法运行城乡社区协商工作台</h1>' +
        '<p>您的浏览器版本过旧，或正处于“兼容模式”。请使用以下浏览器之一（2022年以后的版本）：</p>' +
        '<ul><li>谷歌 Chrome、微软 Edge 97 及以上版本</li><li>火狐 Firefox 102 及以上版本</li>' +
        '<li>苹果 Safari 16 及以上版本</li></ul>' +
        '<p>使用 360、QQ、搜狗等浏览器的，请点击地址栏右侧的闪电或“e”图标，切换到“极速模式”；' +
        '仍无法使用的，请将浏览器升级到最新版本。</p>' +
        '<p>已保存在本机的协商记录不会因此丢失。</p></div>';
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }
  var ok = false;
  try {
    ok = 'noModule' in document.createElement('script') &&
      typeof WebAssembly === 'object' &&
      // A module that uses reference types (ref.null func; drop).
      WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1,
        0, 10, 7, 1, 5, 0, 208, 112, 26, 11]));
  } catch (e) {
    ok = false;
  }
  if (!ok) {
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
