// errdocs serve: reloads the page when a rebuild changed the site, and shows
// a failed build's errors over the page until the next good build. Injected
// into pages by `errdocs serve` only; never part of a built site.
(function () {
  'use strict';
  var script = document.currentScript;
  var site = Number(script.dataset.site);
  var base = script.dataset.base || '/';
  var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
  var overlay = null;
  var badge = null;
  var dismissed = null;

  function element(tag, style, text) {
    var node = document.createElement(tag);
    if (style) node.style.cssText = style;
    if (text) node.textContent = text;
    return node;
  }

  function remove(node) {
    if (node && node.parentNode) node.parentNode.removeChild(node);
    return null;
  }

  function button(label, onclick) {
    var node = element('button',
      'font:inherit;margin-left:1em;padding:.2em .8em;color:#fff;background:#1f2328;' +
      'border:1px solid #1f2328;border-radius:4px;cursor:pointer', label);
    node.type = 'button';
    node.addEventListener('click', onclick);
    return node;
  }

  function showFailure(state) {
    var key = state.error + '\n' + state.diagnostics.join('\n');
    if (key === dismissed) return;
    overlay = remove(overlay);
    badge = remove(badge);
    overlay = element('div',
      'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;' +
      'padding:1em 1.5em;background:#fff;color:#1f2328;border-top:6px solid #b42318;' +
      'box-shadow:0 -4px 16px rgba(0,0,0,.25);font:15px/1.5 system-ui,sans-serif');
    overlay.setAttribute('role', 'alert');
    var heading = element('p', 'margin:0 0 .5em;font-weight:bold;color:#b42318',
      'errdocs: the build failed; this is the last good site.');
    heading.appendChild(button('Dismiss', function () {
      dismissed = key;
      overlay = remove(overlay);
    }));
    overlay.appendChild(heading);
    // Template errors point a caret at the place, a line below: monospace.
    overlay.appendChild(element('p',
      'margin:0 0 .5em;white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace',
      state.error));
    if (state.diagnostics.length) {
      overlay.appendChild(element('pre',
        'margin:0;padding:.75em;white-space:pre-wrap;background:#f6f8fa;color:#1f2328;' +
        'font:13px/1.45 ui-monospace,monospace', state.diagnostics.join('\n')));
    }
    document.body.appendChild(overlay);
  }

  function showWarnings(state) {
    badge = remove(badge);
    if (!state.warnings) return;
    badge = element('a',
      'position:fixed;right:1em;bottom:1em;z-index:2147483647;padding:.3em .8em;' +
      'background:#fff8c5;color:#1f2328;border:1px solid #9a6700;border-radius:1em;' +
      'font:13px/1.4 system-ui,sans-serif;text-decoration:none',
      state.warnings + (state.warnings === 1 ? ' warning' : ' warnings'));
    badge.href = base + (zh ? 'zh' : 'en') + '/report.html';
    badge.title = 'errdocs: warnings of the last build, listed on the report page';
    document.body.appendChild(badge);
  }

  function onState(message) {
    var state = JSON.parse(message.data);
    if (state.outcome === 'failed') {
      showFailure(state);
    } else if (state.outcome === 'ok') {
      if (state.site !== site) {
        disconnect();
        location.reload();
        return;
      }
      overlay = remove(overlay);
      dismissed = null;
      showWarnings(state);
    }
  }

  // Only a visible page listens: a browser opens at most six connections
  // to a host, and a stream holds one for as long as it is open, so six
  // listening tabs would leave none for loading pages. A page shown again
  // hears the current state at once, and reloads if the site changed.
  var events = null;

  function connect() {
    if (events) return;
    events = new EventSource('/__errdocs/events');
    events.onmessage = onState;
  }

  function disconnect() {
    if (events) events.close();
    events = null;
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) disconnect(); else connect();
  });
  if (!document.hidden) connect();
})();
