/*
 * Dashboard behaviour: draws the charts (Apache ECharts, served as a WebJar) from the JSON embedded in the page,
 * and keeps the figures current: on a "scores-changed" server-sent event it fetches the same page again and swaps
 * in the regions marked data-live, then announces the update in the polite live region.
 */
(function () {
  'use strict';

  var COLORS = { GREEN: '#2e7d32', AMBER: '#9a5b00', RED: '#c62828', NONE: '#5f6b7a' };
  var SERIES_COLORS = ['#0b57a4', '#9a5b00', '#2e7d32'];
  var charts = {};
  var lang = document.documentElement.lang || 'it';
  // 'always': Italian groups 4-digit numbers only when asked (3.000, as the tables print it, not 3000)
  var numbers = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT',
    { maximumFractionDigits: 2, useGrouping: 'always' });

  function number(value) {
    return numbers.format(value);
  }

  function percentAxis(value) {
    return number(value) + '%';
  }

  function spec(element) {
    var data = document.getElementById(element.id + '-data');
    if (!data || !data.textContent.trim()) {
      return null;
    }
    return JSON.parse(data.textContent);
  }

  /*
   * Labels are wrapped here, not by ECharts, so that the script knows how many lines a name takes and shows it only
   * where it fits whole: no label is ever cut short (the tooltip and the table have every name).
   */
  var LINE = 1.25; // line height, in ems
  var FONT = 'sans-serif'; // the charts' font (ECharts' default)
  var measure = document.createElement('canvas').getContext('2d');

  function textWidth(text, size) {
    measure.font = size + 'px ' + FONT;
    return measure.measureText(text).width;
  }

  // words into lines no wider than width (measured as the canvas draws them); lines.fits: no word is wider
  function wrap(text, width, size) {
    var lines = [];
    var line = '';
    String(text || '').split(/\s+/).forEach(function (word) {
      if (!word) {
        return;
      }
      if (!line) {
        line = word;
      } else if (textWidth(line + ' ' + word, size) <= width) {
        line += ' ' + word;
      } else {
        lines.push(line);
        line = word;
      }
    });
    if (line) {
      lines.push(line);
    }
    lines.fits = lines.every(function (l) { return textWidth(l, size) <= width; });
    return lines;
  }

  function plain(text) {
    return String(text).replace(/[{}|]/g, ' ');
  }

  // the rings, as fractions of the chart's radius: the hole (the entity), areas, strategic objectives, objectives
  var RINGS = [0.2, 0.36, 0.52, 0.98];
  var RING_FONT = [11, 11, 10];

  function total(node) {
    if (node.children && node.children.length) {
      return node.children.reduce(function (sum, child) { return sum + total(child); }, 0);
    }
    return node.value === undefined || node.value === null ? 0 : Number(node.value);
  }

  /*
   * A segment's label: its name (wrapped to the room the segment has) with its code as a second, smaller line; the
   * code alone where the name does not fit; nothing on a sliver. The inner rings write along the ring, the outer
   * one along the radius, where objectives have room for their names.
   */
  function segmentLabel(node, depth, angle, radius) {
    var r0 = RINGS[depth] * radius;
    var r1 = RINGS[depth + 1] * radius;
    var size = RING_FONT[depth];
    var line = size * LINE;
    var radial = depth === 2;
    // a straight line of text across a ring stays inside it while its ends are inside the outer circle
    var outerLine = (r0 + r1) / 2 + (r1 - r0) / 4;
    var across = radial ? (r1 - r0) - 12
      : Math.min(angle * (r0 + r1) / 2 * 0.85, 2 * Math.sqrt(Math.max(0, r1 * r1 - outerLine * outerLine)));
    // lines written along the radius stack across the segment, narrowest at its inner end
    var along = radial ? 2 * (r0 + 6) * Math.sin(Math.min(angle, Math.PI) / 2) * 0.95 : (r1 - r0) - 6;
    var code = plain(node.name);
    var name = wrap(plain(node.title || ''), across, size);
    var text = null;
    if (name.length && name.fits && (name.length + 1) * line <= along) {
      text = name.join('\n') + '\n{c|' + code + '}';
    } else if (name.length && name.fits && name.length * line <= along) {
      text = name.join('\n');
    } else if (textWidth(code, size) <= across && line <= along) {
      text = code;
    }
    return {
      show: text !== null,
      rotate: radial ? 'radial' : 'tangential',
      fontSize: size,
      lineHeight: line,
      color: '#ffffff',
      formatter: function () { return text === null ? '' : text; },
      rich: { c: { fontSize: size - 1, lineHeight: line, color: '#ffffff', fontWeight: 'bold' } }
    };
  }

  function sunburstNode(node, depth, whole, radius) {
    var angle = whole > 0 ? total(node) / whole * 2 * Math.PI : 0;
    var item = {
      name: node.name,
      title: node.title,
      text: node.text,
      itemStyle: { color: COLORS[node.light] || COLORS.NONE, borderColor: '#ffffff', borderWidth: 2 },
      label: depth < 3 ? segmentLabel(node, depth, angle, radius) : { show: false }
    };
    if (node.value !== undefined && node.value !== null) {
      item.value = Number(node.value);
    }
    if (node.children) {
      item.children = node.children.map(function (child) { return sunburstNode(child, depth + 1, whole, radius); });
    }
    return item;
  }

  function sunburst(s, element) {
    var radius = Math.min(element.clientWidth, element.clientHeight) / 2;
    var whole = s.data.reduce(function (sum, node) { return sum + total(node); }, 0);
    // the entity's name in the hole, on as many lines as it needs
    var hole = RINGS[0] * radius * 2 * 0.8;
    return {
      animation: false,
      title: {
        text: s.center.text,
        subtext: wrap(s.center.name, hole, 11).join('\n'),
        left: 'center',
        top: 'middle',
        itemGap: 4,
        textStyle: { fontSize: 20, fontWeight: 'bold', color: '#1b1b1b' },
        subtextStyle: { fontSize: 11, lineHeight: 13, color: '#4a4f55' }
      },
      tooltip: {
        formatter: function (p) { return p.data.name + ' ' + p.data.title + ': ' + p.data.text; }
      },
      series: [{
        type: 'sunburst',
        radius: [RINGS[0] * 100 + '%', RINGS[3] * 100 + '%'],
        levels: [{}, { r0: RINGS[0] * 100 + '%', r: RINGS[1] * 100 + '%' },
          { r0: RINGS[1] * 100 + '%', r: RINGS[2] * 100 + '%' }, { r0: RINGS[2] * 100 + '%', r: RINGS[3] * 100 + '%' }],
        sort: null,
        nodeClick: false,
        data: s.data.map(function (node) { return sunburstNode(node, 0, whole, radius); }),
        emphasis: { focus: 'ancestor' }
      }]
    };
  }

  // "2.1.3 Procedimento unificato": the code, then the name
  var CODED = /^(\d+(?:\.\d+)*)\s+(.*)$/;

  function bars(s, element) {
    var items = s.bars.slice().reverse();
    var size = 12;
    var labelWidth = Math.max(120, Math.min(280, Math.floor(element.clientWidth * 0.4)));
    var labels = items.map(function (b) {
      var coded = CODED.exec(b.label);
      var lines = wrap(plain(coded ? coded[2] : b.label), labelWidth, size);
      return { text: lines.join('\n') + (coded ? '\n{c|' + coded[1] + '}' : ''), lines: lines.length + (coded ? 1 : 0) };
    });
    // as tall as the names need: every name whole, on its lines
    var rows = labels.reduce(function (max, l) { return Math.max(max, l.lines); }, 1);
    var rowHeight = Math.max(40, rows * size * LINE + 16);
    element.style.height = Math.max(220, Math.ceil(items.length * rowHeight + 48)) + 'px';
    return {
      animation: false,
      grid: { left: 8, right: 72, top: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: percentAxis, color: '#1b1b1b' } },
      yAxis: {
        type: 'category',
        data: items.map(function (b) { return b.label; }),
        axisLabel: {
          color: '#1b1b1b',
          fontSize: size,
          lineHeight: size * LINE,
          interval: 0,
          formatter: function (value, index) { return labels[index].text; },
          rich: { c: { color: '#4a4f55', fontSize: size - 1, lineHeight: size * LINE } }
        }
      },
      tooltip: { formatter: function (p) { return p.name + ': ' + items[p.dataIndex].text; } },
      series: [{
        name: s.series,
        type: 'bar',
        barMaxWidth: 32,
        data: items.map(function (b) {
          return { value: b.value === null ? 0 : Number(b.value), itemStyle: { color: COLORS[b.light] || COLORS.NONE } };
        }),
        label: {
          show: true,
          position: 'right',
          color: '#1b1b1b',
          formatter: function (p) { return items[p.dataIndex].text; }
        }
      }]
    };
  }

  function series(s, type) {
    return s.series.map(function (one, index) {
      return {
        name: one.name,
        type: type,
        barMaxWidth: 48,
        symbolSize: 10,
        connectNulls: false,
        itemStyle: { color: SERIES_COLORS[index % SERIES_COLORS.length] },
        data: one.values.map(function (v, at) {
          if (v === null) {
            return null;
          }
          // two lines (score and coverage): at each checkpoint the higher point is labelled above, the lower below
          var other = type === 'line' && s.series.length === 2 ? s.series[1 - index].values[at] : null;
          var below = other !== null && other !== undefined
            && (Number(other) > Number(v) || (Number(other) === Number(v) && index === 1));
          return { value: Number(v), label: { position: below ? 'bottom' : 'top' } };
        }),
        label: {
          show: true,
          position: 'top',
          distance: 8,
          color: '#1b1b1b',
          backgroundColor: type === 'line' ? 'rgba(255,255,255,0.85)' : 'transparent',
          padding: type === 'line' ? [1, 3] : 0,
          formatter: function (p) { return one.texts[p.dataIndex]; }
        }
      };
    });
  }

  function cartesian(s, type) {
    var percent = s.unit === '%';
    return {
      animation: false,
      legend: { top: 0, textStyle: { color: '#1b1b1b' } },
      // room above the plot for a label over 100% and below it for one under 0%
      grid: { left: 8, right: 32, top: 60, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: s.categories, axisLabel: { color: '#1b1b1b', interval: 0 } },
      yAxis: percent
        ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: percentAxis, color: '#1b1b1b' } }
        : { type: 'value', axisLabel: { formatter: number, color: '#1b1b1b' } },
      tooltip: { trigger: 'axis' },
      series: series(s, type)
    };
  }

  function option(s, element) {
    switch (s.type) {
      case 'sunburst': return sunburst(s, element);
      case 'bars': return bars(s, element);
      case 'lines': return cartesian(s, 'line');
      case 'columns': return cartesian(s, 'bar');
      default: return null;
    }
  }

  function renderCharts() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var s = spec(element);
      // the option first: it may set the element's height (bars as tall as their names)
      var o = s && option(s, element);
      if (!o) {
        return;
      }
      var chart = charts[element.id] || window.echarts.init(element, null, { renderer: 'canvas' });
      charts[element.id] = chart;
      chart.resize();
      chart.setOption(o, true);
      element.dataset.rendered = 'true';
    });
  }

  /*
   * A table wider than the screen scrolls sideways: only then its wrapper becomes a named, focusable region, so
   * that keyboard users can scroll it (and the other tables add no tab stops).
   */
  function markScrollableTables() {
    document.querySelectorAll('.table-wrap').forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('tabindex', '0');
        if (wrap.dataset.caption) {
          wrap.setAttribute('aria-labelledby', wrap.dataset.caption);
        }
      } else {
        wrap.removeAttribute('role');
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('aria-labelledby');
      }
    });
  }

  /*
   * The arithmetic under the scores is folded in a <details>: open where there is room for it (a laptop), one tap
   * away on a tablet, so that the figures and lights of a table stay on the screen.
   */
  var wide = window.matchMedia ? window.matchMedia('(min-width: 1100px)') : null;

  function foldCalculations() {
    var open = !wide || wide.matches;
    document.querySelectorAll('details[data-calc]').forEach(function (details) { details.open = open; });
  }

  /*
   * What a live update changed: the figures (cells, cards, the critical list) whose text differs after the swap are
   * highlighted for about two seconds. A figure is known by the nearest element with an id around it and its place
   * there; the CSS drops the fading for readers who ask for reduced motion.
   */
  var FIGURES = 'td, dd, .critical-score, .fig';
  var HIGHLIGHT_MS = 2000;

  function figures(region) {
    var found = {};
    var counts = {};
    region.querySelectorAll(FIGURES).forEach(function (element) {
      var owner = element.parentElement ? element.parentElement.closest('[id]') : null;
      var key = (owner && region.contains(owner) ? owner.id : region.id) + '|' + element.tagName + '.'
        + element.className.replace(/\s*changed\b/, '');
      counts[key] = (counts[key] || 0) + 1;
      found[key + '#' + counts[key]] = { element: element, text: element.textContent.replace(/\s+/g, ' ').trim() };
    });
    return found;
  }

  function highlight(before, region) {
    var after = figures(region);
    var moved = [];
    Object.keys(after).forEach(function (key) {
      if (before[key] && before[key].text !== after[key].text) {
        moved.push(after[key].element);
      }
    });
    // a cell inside a highlighted cell (a figure in its card) is highlighted once, on the outer one
    moved.filter(function (element) {
      return !moved.some(function (other) { return other !== element && other.contains(element); });
    }).forEach(function (element) {
      element.classList.add('changed');
      window.setTimeout(function () { element.classList.remove('changed'); }, HIGHLIGHT_MS);
    });
    return moved.length;
  }

  // message: the changed region's own words (data-live-message: data, forecasts), else the layout's (scores)
  function announce(message) {
    var status = document.getElementById('live-status');
    if (!status) {
      return;
    }
    // the same clock as the "computed on" times of the pages: the entities' own
    var time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT',
      { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Rome' }).format(new Date());
    status.textContent = (message || status.dataset.message) + ' ' + time;
  }

  var refreshing = null;
  var again = false;

  function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = fetch(window.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var changed = 0;
        var highlighted = 0;
        var message = null;
        fresh.querySelectorAll('[data-live][id]').forEach(function (region) {
          var current = document.getElementById(region.id);
          if (current && current.innerHTML !== region.innerHTML) {
            var before = figures(current);
            current.innerHTML = region.innerHTML;
            highlighted += highlight(before, current);
            message = message || region.getAttribute('data-live-message');
            changed++;
          }
        });
        if (changed > 0) {
          foldCalculations();
          renderCharts();
          markScrollableTables();
          announce(message);
          document.body.dataset.updates = String(Number(document.body.dataset.updates || '0') + 1);
          document.body.dataset.changedFigures = String(highlighted);
        }
      })
      .catch(function () { /* the next event tries again */ })
      .then(function () {
        refreshing = null;
        if (again) {
          again = false;
          schedule();
        }
      });
  }

  var timer = null;

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 200);
  }

  function listen() {
    var url = document.body.dataset.events;
    if (!url || !window.EventSource) {
      return;
    }
    var source = new EventSource(url);
    source.addEventListener('open', function () { document.body.dataset.live = 'connected'; });
    source.addEventListener('error', function () { document.body.dataset.live = 'reconnecting'; });
    source.addEventListener('scores-changed', schedule);
    window.addEventListener('pagehide', function () { source.close(); });
  }

  function start() {
    foldCalculations();
    if (wide && wide.addEventListener) {
      wide.addEventListener('change', foldCalculations);
    }
    renderCharts();
    markScrollableTables();
    listen();
    var resizing = null;
    window.addEventListener('resize', function () {
      // the labels are fitted to the size: drawn again once the resizing stops
      window.clearTimeout(resizing);
      resizing = window.setTimeout(function () {
        renderCharts();
        markScrollableTables();
      }, 150);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
