// What the browser check (browser-check.js) and embed.js share, in ES5 (it must run where the
// app cannot): whether this browser can run the app, and the words that say what to do where it
// cannot. scripts/postbuild.mjs puts it before the check in check-<hash>.js, and into embed.js.
// The words are the page's own, like its loading line: the translation layer lives in the wasm
// this browser cannot run.
function xieshangCanRun() {
  try {
    return 'noModule' in document.createElement('script') &&
      typeof WebAssembly === 'object' &&
      // A module that uses reference types (ref.null func; drop).
      WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1,
        0, 10, 7, 1, 5, 0, 208, 112, 26, 11]));
  } catch (e) {
    return false;
  }
}

function xieshangSayUnsupported(element) {
  element.innerHTML =
    '<div class="unsupported" role="alert" lang="zh-CN">' +
    '<h1>此浏览器无法运行城乡社区协商工作台</h1>' +
    '<p>您的浏览器版本过旧，或正处于“兼容模式”。请使用以下浏览器之一（2022年以后的版本）：</p>' +
    '<ul><li>谷歌 Chrome、微软 Edge 97 及以上版本</li><li>火狐 Firefox 102 及以上版本</li>' +
    '<li>苹果 Safari 16 及以上版本</li></ul>' +
    '<p>使用 360、QQ、搜狗等浏览器的，请点击地址栏右侧的闪电或“e”图标，切换到“极速模式”；' +
    '仍无法使用的，请将浏览器升级到最新版本。</p>' +
    '<p>已保存在本机的协商记录不会因此丢失。</p></div>';
}
