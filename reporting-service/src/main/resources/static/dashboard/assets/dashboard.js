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

  function sunburstNode(node) {
    var item = {
      name: node.name,
      title: node.title,
      text: node.text,
      itemStyle: { color: COLORS[node.light] || COLORS.NONE, borderColor: '#ffffff', borderWidth: 2 }
    };
    if (node.value !== undefined && node.value !== null) {
      item.value = Number(node.value);
    }
    if (node.children) {
      item.children = node.children.map(sunburstNode);
    }
    return item;
  }

  function sunburst(s) {
    return {
      animation: false,
      title: {
        text: s.center.text,
        subtext: s.center.name,
        left: 'center',
        top: 'middle',
        textStyle: { fontSize: 20, fontWeight: 'bold', color: '#1b1b1b' },
        subtextStyle: { fontSize: 11, color: '#4a4f55', width: 110, overflow: 'truncate' }
      },
      tooltip: {
        formatter: function (p) { return p.data.name + ' ' + p.data.title + ': ' + p.data.text; }
      },
      series: [{
        type: 'sunburst',
        radius: ['22%', '95%'],
        sort: null,
        nodeClick: false,
        data: s.data.map(sunburstNode),
        label: { color: '#ffffff', fontSize: 12, rotate: 'radial', formatter: function (p) { return p.data.name; } },
        emphasis: { focus: 'ancestor' }
      }]
    };
  }

  function bars(s) {
    var items = s.bars.slice().reverse();
    return {
      animation: false,
      grid: { left: 8, right: 64, top: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: percentAxis, color: '#1b1b1b' } },
      yAxis: {
        type: 'category',
        data: items.map(function (b) { return b.label; }),
        axisLabel: { color: '#1b1b1b', width: 180, overflow: 'truncate' }
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
        data: one.values.map(function (v) { return v === null ? null : Number(v); }),
        label: {
          show: true,
          position: 'top',
          color: '#1b1b1b',
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
      grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: s.categories, axisLabel: { color: '#1b1b1b' } },
      yAxis: percent
        ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: percentAxis, color: '#1b1b1b' } }
        : { type: 'value', axisLabel: { formatter: number, color: '#1b1b1b' } },
      tooltip: { trigger: 'axis' },
      series: series(s, type)
    };
  }

  function option(s) {
    switch (s.type) {
      case 'sunburst': return sunburst(s);
      case 'bars': return bars(s);
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
      var o = s && option(s);
      if (!o) {
        return;
      }
      var chart = charts[element.id] || window.echarts.init(element, null, { renderer: 'canvas' });
      charts[element.id] = chart;
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

  function announce() {
    var status = document.getElementById('live-status');
    if (!status) {
      return;
    }
    // the same clock as the "computed on" times of the pages: the entities' own
    var time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT',
      { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Rome' }).format(new Date());
    status.textContent = status.dataset.message + ' ' + time;
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
        fresh.querySelectorAll('[data-live][id]').forEach(function (region) {
          var current = document.getElementById(region.id);
          if (current && current.innerHTML !== region.innerHTML) {
            current.innerHTML = region.innerHTML;
            changed++;
          }
        });
        if (changed > 0) {
          renderCharts();
          markScrollableTables();
          announce();
          document.body.dataset.updates = String(Number(document.body.dataset.updates || '0') + 1);
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
    renderCharts();
    markScrollableTables();
    listen();
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (id) { charts[id].resize(); });
      markScrollableTables();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
