/* errdocs: the search box on every page, the search page, the copy
   buttons, the theme button, and filtering and sorting of code tables.
   Plain ES2017, no dependencies, no build step.

   The index, search/index.js, is loaded at the first keystroke in the
   search box, as a <script> whose URL is relative to the page's root:
   fetch() fails on file://, a script works there, on any static host and
   under any sub-path. It calls errdocsIndex(data); src/render/search.rs
   describes the data. On a small site it holds every code; on a big one
   it is a manifest, and each query loads the shards it routes to
   (Index.prototype.needs), each a script calling errdocsShard(name, data).

   Matching is a linear scan over the rows loaded, lowercased once at
   load: substring search in Chinese needs no word segmentation, and
   ranking codes by prefix is ours to decide. */
(function () {
  'use strict';

  // Fields of an index entry.
  var VENDOR = 0, CODE = 1, NAME = 2, EN = 3, ZH = 4, SEGMENT = 6, MORE = 7, REMOVED = 8;

  // Results in the drop-down, and on the search page.
  var LIMIT = 12, PAGE_LIMIT = 200;
  // Milliseconds of no typing before shards are loaded.
  var SHARD_DELAY = 150;
  // The best score: an exact code.
  var MAX_SCORE = 1000;

  // ---- Matching: no DOM here; the test suite runs it under node. ----

  function isWordChar(c) {
    // ASCII letters and digits; anything beyond ASCII counts too, so a
    // Chinese character is never a word boundary.
    return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 127;
  }

  /** A symbolic name's words: InvalidUserToken → "invalid user token". */
  function nameWords(name) {
    return name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/[^A-Za-z0-9\u0080-\uFFFF]+/g, ' ')
      .trim()
      .toLowerCase();
  }

  /** Letters and digits only, lowercased: "vol name conflict" and
   *  VOL_NAME_CONFLICT both become "volnameconflict". */
  function squash(text) {
    return text.toLowerCase().replace(/[^a-z0-9\u0080-\uFFFF]+/g, '');
  }

  // A key whose value is an error code, in a log line or a response body:
  // Code, errCode, error_code, ErrorCode, resultCode, errno … then : or =.
  var CODE_KEY = /([A-Za-z_]*(?:code|errno))["']?\s*[:=]\s*["']?([^\s"',;{}[\]()<>]+)/gi;
  // Anything that could be a code or a symbolic name.
  var TOKEN = /[A-Za-z0-9_][A-Za-z0-9_.-]*/g;

  function trimToken(token) {
    return token.replace(/[.-]+$/, '');
  }

  /** The codes a pasted line may hold: values of code-ish keys first
   *  (`{"Code": 10307}`, `errCode:"400001"`), then every code-like token
   *  (`SVCSTG.CSE.4001000`), each in the order it appears. */
  function extractCodes(text) {
    var keyed = [], tokens = [], match;
    CODE_KEY.lastIndex = 0;
    while ((match = CODE_KEY.exec(text))) keyed.push(trimToken(match[2]));
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text))) tokens.push(trimToken(match[0]));
    return { keyed: keyed.filter(Boolean), tokens: tokens.filter(Boolean) };
  }

  /** The rows the index holds: every code (data.codes, in catalog
   *  order) on a small site; on a sharded one, the shards loaded so far,
   *  data.shards being their routing table. Rows are kept by their
   *  position in the catalog (ids), which breaks ties. */
  function Index(data) {
    this.vendors = data.vendors;
    this.shards = data.shards || null;
    this.codes = [];
    this.ids = [];
    this.code = [];
    this.name = [];
    this.text = [];
    this.at = new Map();
    this.byCode = new Map();
    this.byName = new Map();
    // Retired codes (tombstones), left out unless asked for.
    this.removed = [];
    // Shards loaded (or failed), and how many codes hold each term seen.
    this.loaded = {};
    this.totals = new Map();
    if (data.codes) this.add(data.ids, data.codes);
  }

  /** Adds rows not already held; ids[k] is rows[k]'s catalog position. */
  Index.prototype.add = function (ids, rows) {
    for (var k = 0; k < rows.length; k++) {
      var id = ids ? ids[k] : k;
      if (this.at.has(id)) continue;
      var i = this.codes.length, entry = rows[k];
      var code = entry[CODE].toLowerCase(), name = squash(entry[NAME]);
      this.at.set(id, i);
      this.ids.push(id);
      this.codes.push(entry);
      this.code.push(code);
      this.name.push(name);
      this.removed.push(entry[REMOVED] ? 1 : 0);
      // Everything a word of the query may be found in, lowercased once.
      this.text.push(code + '\n' + nameWords(entry[NAME]) + '\n' + name + '\n' +
        entry[EN].toLowerCase() + '\n' + entry[ZH].toLowerCase() +
        (entry[MORE] ? '\n' + entry[MORE].toLowerCase() : ''));
      add(this.byCode, code, i);
      if (name) add(this.byName, name, i);
    }
  };

  /** What errdocsShard(name, data) hands over. */
  Index.prototype.addShard = function (name, data) {
    this.loaded[name] = true;
    this.add(data.ids, data.codes);
    var totals = this.totals;
    (data.terms || []).forEach(function (term) { totals.set(term[0], term[1]); });
  };

  /** The terms a text is routed by, as src/render/search.rs cuts them:
   *  runs of two or more ASCII letters and digits, and each pair of
   *  neighbouring characters beyond ASCII. */
  function termsOf(text) {
    var terms = [], word = '', wide = '';
    for (var k = 0; k < text.length; k++) {
      var c = text.charAt(k), code = text.charCodeAt(k);
      if (/[A-Za-z0-9]/.test(c)) {
        word += c.toLowerCase();
        wide = '';
        continue;
      }
      if (word.length >= 2) terms.push(word);
      word = '';
      if (code > 127 && !/\s/.test(c)) {
        if (wide) terms.push((wide + c).toLowerCase());
        wide = c;
      } else {
        wide = '';
      }
    }
    if (word.length >= 2) terms.push(word);
    return terms;
  }

  // How many shards one key or word of a query may load: the first ones
  // in its range, which hold its shortest and first codes.
  var PREFIX_SHARDS = 1, QUERY_TOKENS = 6, QUERY_TERMS = 4;

  /** The shards a query needs that are not loaded, by name ("k3", "t17"):
   *  for its codes and names by prefix, for each code-like token of a
   *  pasted line exactly, and for its words and Han bigrams by prefix. */
  Index.prototype.needs = function (query) {
    var shards = this.shards, loaded = this.loaded, want = [];
    if (!shards) return want;
    function need(name) {
      if (!loaded[name] && want.indexOf(name) < 0) want.push(name);
    }
    // The shards whose [first, last] meets [from, to], at most `most`.
    function range(family, from, to, most) {
      var list = shards[family], lo = 0, hi = list.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (list[mid][1] < from) lo = mid + 1; else hi = mid;
      }
      for (var n = lo, found = 0; n < list.length && list[n][0] <= to && found < most; n++, found++) {
        need(family + n);
      }
    }
    var q = query.trim().toLowerCase();
    if (!q) return want;
    if (/[a-z0-9]/.test(q)) {
      range('k', q, q + '\uffff', PREFIX_SHARDS);
      var squashed = squash(q);
      if (squashed && squashed !== q) range('k', squashed, squashed + '\uffff', PREFIX_SHARDS);
    }
    var found = extractCodes(query);
    found.keyed.concat(found.tokens).slice(0, QUERY_TOKENS).forEach(function (token) {
      var key = token.toLowerCase();
      range('k', key, key, 2);
      if (squash(key) !== key) range('k', squash(key), squash(key), 2);
    });
    termsOf(q).slice(0, QUERY_TERMS).forEach(function (term) {
      range('t', term, term + '\uffff', PREFIX_SHARDS);
    });
    return want;
  };

  function add(map, key, i) {
    var list = map.get(key);
    if (list) list.push(i); else map.set(key, [i]);
  }

  /** How well code i matches the query (0: not at all). An exact code
   *  ranks first, then an exact name, a code prefix (shorter codes
   *  first), a later part of a dotted code, a name prefix, any part of a
   *  code or name, and last the words of the texts. */
  Index.prototype.score = function (i, q, squashed, words) {
    var code = this.code[i], name = this.name[i];
    if (code === q) return MAX_SCORE;
    if (name && name === squashed) return 900;
    if (code.lastIndexOf(q, 0) === 0) return 700 - Math.min(code.length - q.length, 99);
    var at = code.indexOf(q);
    if (at > 0 && !isWordChar(code.charCodeAt(at - 1))) return 600 - Math.min(code.length - q.length, 99);
    // Within a rank, the closer fit first: the shorter name or text.
    var rest = Math.min(name.length - squashed.length, 49);
    if (name && squashed && name.lastIndexOf(squashed, 0) === 0) return 550 - rest;
    if (at > 0) return 400;
    if (name && squashed.length > 2 && name.indexOf(squashed) >= 0) return 380 - rest;
    var text = this.text[i], bonus = 0;
    for (var w = 0; w < words.length; w++) {
      var k = text.indexOf(words[w]);
      if (k < 0) return 0;
      if (k === 0 || !isWordChar(text.charCodeAt(k - 1))) bonus += 4;
    }
    return 200 + (words.length > 1 && text.indexOf(q) >= 0 ? 40 : 0) + Math.min(bonus, 40) -
      Math.min(Math.floor(text.length / 16), 30);
  };

  /** The codes a query names, by index, each with its score as search()
   *  ranks it: the whole query as a code (1000) or a symbolic name (900),
   *  the values of code-ish keys in a pasted line (990 down), then its
   *  other tokens as codes (850 down) and as names (800 down). No text is
   *  looked at: these are the codes found, not the codes that match. */
  Index.prototype.named = function (query) {
    var self = this, scores = new Map();
    function bump(list, score) {
      (list || []).forEach(function (i) {
        if (!(scores.get(i) >= score)) scores.set(i, score);
      });
    }
    var q = query.trim().toLowerCase();
    if (!q) return scores;
    bump(this.byCode.get(q), MAX_SCORE);
    if (squash(q)) bump(this.byName.get(squash(q)), 900);
    var found = extractCodes(query);
    found.keyed.forEach(function (token, k) {
      bump(self.byCode.get(token.toLowerCase()), 990 - Math.min(k, 40));
    });
    found.tokens.forEach(function (token, k) {
      bump(self.byCode.get(token.toLowerCase()), 850 - Math.min(k, 40));
      var name = squash(token);
      if (name) bump(self.byName.get(name), 800 - Math.min(k, 40));
    });
    return scores;
  };

  /** The codes a pasted line names, best first (ties in catalog order):
   *  what `errdocs explain` prints. */
  Index.prototype.codesIn = function (text) {
    var named = this.named(text), found = [], removed = this.removed;
    named.forEach(function (score, i) { if (!removed[i]) found.push(i); });
    var ids = this.ids;
    return found.sort(function (a, b) { return named.get(b) - named.get(a) || ids[a] - ids[b]; });
  };

  /** The best `limit` codes for a query, best first, and how many match.
   *  Ties go to catalog order (vendor, then code). Retired codes count
   *  only with `withRemoved`. */
  Index.prototype.search = function (query, limit, withRemoved) {
    var q = query.trim().toLowerCase();
    var n = this.codes.length;
    if (!q) return { total: 0, hits: [] };
    var scores = new Int16Array(n);
    this.named(query).forEach(function (score, i) { scores[i] = score; });
    var squashed = squash(q), words = q.split(/\s+/);
    var counts = new Uint32Array(MAX_SCORE + 1), total = 0, i, score;
    for (i = 0; i < n; i++) {
      if (this.removed[i] && !withRemoved) {
        scores[i] = 0;
        continue;
      }
      score = this.score(i, q, squashed, words);
      if (score > scores[i]) scores[i] = score;
      if (scores[i]) {
        counts[scores[i]]++;
        total++;
      }
    }
    // No sort of every match: find the lowest score that still makes the
    // first `limit`, keep what is at or above it, and sort those.
    var floor = MAX_SCORE, room = limit;
    while (floor > 1 && room > counts[floor]) room -= counts[floor--];
    var hits = [], ids = this.ids;
    for (i = 0; i < n; i++) {
      if (scores[i] >= floor && scores[i] > 0) hits.push(i);
    }
    hits.sort(function (a, b) { return scores[b] - scores[a] || ids[a] - ids[b]; });
    // A sharded index holds only some of a word's codes; each term shard
    // says how many hold the word.
    if (this.shards && words.length === 1 && this.totals.has(q)) {
      total = Math.max(total, this.totals.get(q));
    }
    return { total: total, hits: hits.slice(0, limit) };
  };

  /** Code i as a result on a page in `lang` ("en" or "zh") at `root`. */
  Index.prototype.hit = function (i, lang, root) {
    var entry = this.codes[i], vendor = this.vendors[entry[VENDOR]];
    var own = entry[lang === 'zh' ? ZH : EN], other = entry[lang === 'zh' ? EN : ZH];
    var text = own || other;
    return {
      code: entry[CODE],
      name: entry[NAME],
      vendor: vendor[lang === 'zh' ? 2 : 1],
      // The first text, as the pages show it; the other language's when
      // the vendor wrote none in this one.
      text: text.split('\n')[0],
      textLang: own ? null : (lang === 'zh' ? 'en' : 'zh-CN'),
      removed: !!entry[REMOVED],
      href: root + lang + '/' + vendor[0] + '/' + (entry[SEGMENT] || entry[CODE]) + '.html'
    };
  };

  if (typeof module === 'object' && module.exports) {
    module.exports = { Index: Index, extractCodes: extractCodes, nameWords: nameWords, termsOf: termsOf };
    return;
  }

  // ---- Loading the index on first use ----

  var index = null, loading = false, failed = false, waiting = [];

  function load(root, then) {
    if (then) waiting.push(then);
    if (index || failed) return flush();
    if (loading) return;
    loading = true;
    window.errdocsIndex = function (data) { index = new Index(data); };
    window.errdocsShard = function (name, data) { if (index) index.addShard(name, data); };
    var script = document.createElement('script');
    script.src = root + 'search/index.js';
    script.onload = script.onerror = function () {
      loading = false;
      failed = !index;
      flush();
    };
    document.head.appendChild(script);
  }

  var pending = {};

  /** Loads the shards `query` needs, then calls `then` (at once when it
   *  needs none). A shard that fails is not asked for again. */
  function loadShards(root, query, then) {
    var names = index.needs(query), left = names.length;
    if (!left) return then();
    function done() { if (--left === 0) then(); }
    names.forEach(function (name) {
      if (pending[name]) return void pending[name].push(done);
      pending[name] = [done];
      var script = document.createElement('script');
      script.src = root + 'search/' + name.charAt(0) + '-' + name.slice(1) + '.js';
      script.onload = script.onerror = function () {
        var callbacks = pending[name];
        delete pending[name];
        if (!index.loaded[name]) index.loaded[name] = 'failed';
        callbacks.forEach(function (f) { f(); });
      };
      document.head.appendChild(script);
    });
  }

  function flush() {
    var callbacks = waiting;
    waiting = [];
    callbacks.forEach(function (f) { f(); });
  }

  // ---- The combobox in every page's header ----

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  /** A result's content: code, vendor and name, then its text. */
  function describe(el, hit) {
    var head = element('span', 'hit-head');
    head.append(element('code', 'hit-code', hit.code), ' ', element('span', 'hit-vendor', hit.vendor));
    if (hit.name) head.append(' ', element('code', 'hit-name', hit.name));
    if (hit.removed && removedLabel) head.append(' ', element('span', 'tag removed', removedLabel));
    el.append(head);
    if (hit.text) {
      var text = element('span', 'hit-text', hit.text);
      if (hit.textLang) {
        text.lang = hit.textLang;
        text.classList.add('fallback');
      }
      el.append(text);
    }
  }

  // The tag of a retired code in results: the search page's, in its language.
  var removedLabel = '';

  function statusText(form, query, result, shown) {
    var values = { query: query.trim(), count: result.total, shown: shown };
    if (!result.total) return fill(form.dataset.none, values);
    if (result.total > shown) return fill(form.dataset.more, values);
    if (result.total === 1) return fill(form.dataset.one, values);
    return fill(form.dataset.count, values);
  }

  function setUpCombobox(form) {
    var input = form.querySelector('#search-input');
    var panel = form.querySelector('#search-panel');
    var list = form.querySelector('#search-results');
    var status = form.querySelector('#search-status');
    var live = form.querySelector('#search-live');
    var root = form.dataset.root, lang = form.dataset.lang;
    var options = [], active = -1, announce = null, fetching = null;

    function close() {
      panel.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function say(text) {
      status.textContent = text;
      // Announce once typing pauses, not at every key.
      clearTimeout(announce);
      announce = setTimeout(function () { live.textContent = text; }, 600);
    }

    function update() {
      var query = input.value;
      if (!query.trim()) return close();
      panel.hidden = false;
      if (!index) {
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        say(failed ? form.dataset.failed : form.dataset.loading);
        if (!failed) load(root, update);
        return;
      }
      // Shards are asked for once typing pauses, not for each prefix of
      // a word typed; what is loaded already is shown meanwhile.
      var missing = index.needs(query).length > 0;
      if (missing) {
        clearTimeout(fetching);
        fetching = setTimeout(function () { loadShards(root, input.value, update); }, SHARD_DELAY);
      }
      var result = index.search(query, LIMIT);
      if (missing && !result.hits.length) {
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        return say(form.dataset.loading);
      }
      list.textContent = '';
      options = result.hits.map(function (i, k) {
        var hit = index.hit(i, lang, root);
        var option = element('a', 'hit');
        option.id = 'search-option-' + k;
        option.href = hit.href;
        option.tabIndex = -1;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        describe(option, hit);
        list.append(option);
        return option;
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.hidden = !options.length;
      input.setAttribute('aria-expanded', options.length ? 'true' : 'false');
      say(statusText(form, query, result, options.length));
    }

    function select(k) {
      active = k;
      options.forEach(function (option, j) {
        option.setAttribute('aria-selected', j === k ? 'true' : 'false');
      });
      if (k < 0) return input.removeAttribute('aria-activedescendant');
      input.setAttribute('aria-activedescendant', options[k].id);
      options[k].scrollIntoView({ block: 'nearest' });
    }

    input.addEventListener('input', update);
    input.addEventListener('keydown', function (event) {
      var open = !panel.hidden && options.length > 0;
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          if (panel.hidden) return update();
          // Past the last result, back to what was typed.
          if (open) select(active + 1 < options.length ? active + 1 : -1);
          break;
        case 'ArrowUp':
          event.preventDefault();
          if (open) select(active < 0 ? options.length - 1 : active - 1);
          break;
        case 'Enter':
          // Without a chosen result the form goes to the search page.
          if (open && active >= 0) {
            event.preventDefault();
            window.location.href = options[active].href;
          }
          break;
        case 'Escape':
          if (!panel.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = '';
          }
          break;
        case 'Tab':
          close();
          break;
      }
    });
    // `/` goes to the search box from anywhere but a field being typed in.
    document.addEventListener('keydown', function (event) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || event.isComposing) return;
      var target = event.target;
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
    // Keep the focus in the box when a result is clicked.
    list.addEventListener('mousedown', function (event) { event.preventDefault(); });
    document.addEventListener('pointerdown', function (event) {
      if (!form.contains(event.target)) close();
    });
    return input;
  }

  // ---- The search page (and the 404 page): every result, from ?q= ----

  /** The code a missing page's address names: …/400999.html → 400999. */
  function queryFromPath(path) {
    var last = path.split('/').pop().replace(/\.html?$/, '');
    try {
      last = decodeURIComponent(last.replace(/~([0-9A-Fa-f]{2})/g, '%$1'));
    } catch (e) {
      return '';
    }
    return last === '404' || last === 'index' ? '' : last;
  }

  function setUpSearchPage(form, input, page) {
    var query = new URLSearchParams(window.location.search).get('q') || '';
    var fromPath = page.hasAttribute('data-from-path');
    if (!query && fromPath) query = queryFromPath(window.location.pathname);
    if (!query.trim()) {
      if (!fromPath) input.focus();
      return;
    }
    if (!fromPath) input.value = query;
    var status = page.querySelector('#search-page-status');
    var list = page.querySelector('#search-page-results');
    var root = form.dataset.root, lang = form.dataset.lang;
    // The toggle that takes retired codes in: `?removed=1`, and kept so
    // when the box on this page is submitted.
    var toggle = page.querySelector('#search-removed');
    if (toggle) {
      removedLabel = toggle.dataset.tag || '';
      toggle.checked = new URLSearchParams(window.location.search).get('removed') === '1';
      toggle.parentNode.hidden = false;
      toggle.addEventListener('change', function () {
        var url = new URL(window.location.href);
        if (toggle.checked) url.searchParams.set('removed', '1');
        else url.searchParams.delete('removed');
        history.replaceState(null, '', url.toString());
        show();
      });
      form.addEventListener('submit', function () {
        var field = form.querySelector('input[name=removed]');
        if (!toggle.checked) return field && field.remove();
        if (!field) {
          field = element('input');
          field.type = 'hidden';
          field.name = 'removed';
          field.value = '1';
          form.append(field);
        }
      });
    }
    status.textContent = form.dataset.loading;
    load(root, function () {
      if (!index) {
        status.textContent = form.dataset.failed;
        return;
      }
      loadShards(root, query, show);
    });
    function show() {
      // The toggle may change before the index has come.
      if (!index) return;
      var result = index.search(query, PAGE_LIMIT, !!(toggle && toggle.checked));
      list.textContent = '';
      result.hits.forEach(function (i) {
        var hit = index.hit(i, lang, root);
        var item = element('li');
        var link = element('a', 'hit');
        link.href = hit.href;
        describe(link, hit);
        item.append(link);
        list.append(item);
      });
      // On a 404 page, nothing found is nothing to say.
      if (fromPath && !result.total) return void (status.textContent = '');
      status.textContent = statusText(form, query, result, result.hits.length);
    }
  }

  // ---- Copy buttons on code pages: shown only where they can work ----

  /** Each button copies its `data-copy`, or the text of the element its
   *  `data-copy-target` names (a symbolic name, or any block a template
   *  gives an id and a button). */
  function setUpCopy(buttons) {
    var clipboard = navigator.clipboard;
    if (!clipboard || !clipboard.writeText || !window.isSecureContext) return;
    var status = document.getElementById('copy-status');
    buttons.forEach(function (button) {
      var id = button.dataset.copyTarget;
      var target = id ? document.getElementById(id) : null;
      if (id ? !target : button.dataset.copy === undefined) return;
      var label = button.textContent, timer = null;
      button.hidden = false;
      button.addEventListener('click', function () {
        clipboard.writeText(target ? target.textContent : button.dataset.copy).then(function () {
          if (status) status.textContent = button.dataset.copied;
          button.textContent = button.dataset.done;
          clearTimeout(timer);
          timer = setTimeout(function () {
            button.textContent = label;
            if (status) status.textContent = '';
          }, 2500);
        }, function () {});
      });
    });
  }

  // ---- The theme button: system, light or dark, remembered ----

  // The inline script in base.html reads the same key before the first paint.
  var THEME_KEY = 'errdocs-theme', THEMES = ['system', 'light', 'dark'];

  function setUpTheme(button) {
    var root = document.documentElement;
    function current() {
      var theme = root.getAttribute('data-theme');
      return theme === 'light' || theme === 'dark' ? theme : 'system';
    }
    function show(theme) {
      if (theme === 'system') root.removeAttribute('data-theme');
      else root.setAttribute('data-theme', theme);
      button.textContent = button.dataset[theme];
    }
    show(current());
    button.hidden = false;
    button.addEventListener('click', function () {
      var theme = THEMES[(THEMES.indexOf(current()) + 1) % THEMES.length];
      show(theme);
      try {
        if (theme === 'system') localStorage.removeItem(THEME_KEY);
        else localStorage.setItem(THEME_KEY, theme);
      } catch (e) {
        // Storage refused (a private window, file:// in some browsers):
        // the choice holds for this page only.
      }
    });
    // The same choice in every open tab.
    window.addEventListener('storage', function (event) {
      if (event.key !== THEME_KEY) return;
      show(event.newValue === 'light' || event.newValue === 'dark' ? event.newValue : 'system');
    });
  }

  // ---- Code tables: a filter box and sortable columns ----
  //
  // Built to stay quick on a vendor's table of 10^4 rows: each row's text
  // and each column's keys are read once, filtering only writes `hidden`
  // where it changes, in one pass after typing pauses, and a sort moves
  // the rows while their body is detached. What is left is the browser's
  // one layout of the table after each change.

  // Numbers within codes compare as numbers: 9 < 10, SVC.2 < SVC.10.
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  function grouped(n) {
    return n.toLocaleString('en-US');
  }

  function setUpFilter(tools, rows) {
    var input = tools.querySelector('input');
    var count = tools.querySelector('.filter-count');
    var texts = null, timer = null, last = '';
    function apply() {
      var query = input.value.trim().toLowerCase();
      if (query === last) return;
      last = query;
      if (!texts) texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
      var words = query.split(/\s+/).filter(Boolean), shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var text = texts[i], match = true;
        for (var w = 0; match && w < words.length; w++) match = text.indexOf(words[w]) >= 0;
        if (rows[i].hidden === match) rows[i].hidden = !match;
        if (match) shown++;
      }
      count.textContent = query
        ? fill(count.dataset.shown, { shown: grouped(shown), total: grouped(rows.length) })
        : '';
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(apply, rows.length > 2000 ? 200 : 80);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        clearTimeout(timer);
        apply();
      }
    });
    // Escape in a search field empties it without an input event in some browsers.
    input.addEventListener('search', apply);
    tools.hidden = false;
  }

  function setUpSort(table, body, rows) {
    var heads = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
    var keys = [];
    heads.forEach(function (head, column) {
      var button = element('button', null, head.textContent);
      button.type = 'button';
      head.textContent = '';
      head.append(button);
      button.addEventListener('click', function () {
        var order = head.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
        head.setAttribute('aria-sort', order);
        var key = keys[column] || (keys[column] = rows.map(function (row) {
          var cell = row.cells[column];
          return cell ? cell.textContent.trim() : '';
        }));
        var sign = order === 'ascending' ? 1 : -1;
        var at = rows.map(function (row, i) { return i; });
        // Empty cells last either way; ties keep the table's first order.
        at.sort(function (a, b) {
          if (!key[a] !== !key[b]) return key[a] ? -1 : 1;
          return sign * collator.compare(key[a], key[b]) || a - b;
        });
        // Rows move within the body while it is out of the document: no
        // bookkeeping of the laid-out table for each of them.
        var parent = body.parentNode, next = body.nextSibling;
        parent.removeChild(body);
        at.forEach(function (i) { body.appendChild(rows[i]); });
        parent.insertBefore(body, next);
      });
    });
  }

  function setUpTable(table) {
    var body = table.tBodies[0];
    if (!body || body.rows.length < 2) return;
    var rows = Array.prototype.slice.call(body.rows);
    var tools = table.parentNode.previousElementSibling;
    if (tools && tools.classList.contains('table-filter')) setUpFilter(tools, rows);
    setUpSort(table, body, rows);
  }

  /** On the landing page of a site with a default language: on to the
   *  language the browser prefers, or else to the default. */
  function sendOn() {
    var fallback = document.documentElement.getAttribute('data-default-lang');
    if (!fallback) return false;
    var wanted = navigator.languages || [navigator.language || ''];
    var lang = fallback;
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i]).toLowerCase();
      if (tag.lastIndexOf('zh', 0) === 0) { lang = 'zh'; break; }
      if (tag.lastIndexOf('en', 0) === 0) { lang = 'en'; break; }
    }
    location.replace(lang + '/index.html');
    return true;
  }

  function start() {
    if (sendOn()) return;
    var form = document.querySelector('form.search[data-root]');
    if (form) {
      var input = setUpCombobox(form);
      var page = document.getElementById('search-page');
      if (page) setUpSearchPage(form, input, page);
    }
    setUpCopy(document.querySelectorAll('button.copy'));
    var theme = document.querySelector('button.theme-toggle');
    if (theme) setUpTheme(theme);
    document.querySelectorAll('table.codes').forEach(setUpTable);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
