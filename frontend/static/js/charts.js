// Draws every <canvas data-src data-key data-type> from the JSON its page serves. Each chart's
// numbers are also in a table on the page; tests read the drawn charts through Chart.getChart.
(function () {
  const palette = ['#2f5d8a', '#d1843b', '#4f9a6d', '#a0506e', '#7b6cb0', '#9a9a9a', '#c9b458', '#3f8f9f'];
  const money = (v) => '$' + Number(v).toLocaleString(undefined, {minimumFractionDigits: 2, maximumFractionDigits: 2});

  const builders = {
    stacked: (d) => ({
      type: 'bar',
      data: {labels: d.labels, datasets: d.series.map((s, i) => ({label: s.label, data: s.data.map(Number), backgroundColor: palette[i % palette.length]}))},
      options: {scales: {x: {stacked: true}, y: {stacked: true, ticks: {callback: money}}}}
    }),
    pareto: (d) => ({
      type: 'bar',
      data: {labels: d.labels, datasets: [
        {label: 'cost', data: d.series[0].data.map(Number), backgroundColor: palette[0], yAxisID: 'y'},
        {label: 'cumulative share', type: 'line', data: d.series[1].data.map(Number), borderColor: palette[1], yAxisID: 'share'},
        {label: '80%', type: 'line', data: d.labels.map(() => 0.8), borderColor: '#c0392b', borderDash: [6, 4], pointRadius: 0, yAxisID: 'share'}]},
      options: {scales: {y: {ticks: {callback: money}}, share: {position: 'right', min: 0, max: 1, ticks: {format: {style: 'percent'}}}}}
    }),
    doughnut: (d) => ({
      type: 'doughnut',
      data: {labels: d.labels, datasets: [{data: d.series[0].data.map(Number), backgroundColor: palette}]},
      options: {plugins: {legend: {position: 'right'}}}
    }),
    line: (d) => ({
      type: 'line',
      data: {labels: d.labels, datasets: d.series.map((s, i) => ({label: s.label, data: s.data.map(Number), borderColor: palette[i % palette.length]}))},
      options: {scales: {y: {beginAtZero: true}}}
    }),
    bar: (d) => ({
      type: 'bar',
      data: {labels: d.labels, datasets: d.series.map((s, i) => ({label: s.label, data: s.data.map(Number), backgroundColor: palette[i % palette.length]}))},
      options: {indexAxis: 'y'}
    })
  };

  const cache = {};
  function load(src) {
    cache[src] = cache[src] || fetch(src, {headers: {Accept: 'application/json'}}).then((r) => {
      if (!r.ok) throw new Error('chart data ' + src + ': HTTP ' + r.status);
      return r.json();
    });
    return cache[src];
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('canvas[data-src]').forEach((canvas) => {
      load(canvas.dataset.src).then((all) => {
        const data = all[canvas.dataset.key];
        new Chart(canvas, builders[canvas.dataset.type](data));
        canvas.dataset.drawn = 'true';
      });
    });
  });
})();
