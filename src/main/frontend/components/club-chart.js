// A chart drawn by Chart.js on a canvas. The server sends only data, as JSON text in the "chart" attribute:
// { type: "bar" | "line", stacked: boolean, labels: [text], datasets: [{ label: text, color: "#rrggbb",
// data: [number | null] }] }. Only these fields are read and everything else of the chart's configuration is fixed
// here, so nothing in the data is run as code; Chart.js draws labels as text on the canvas.
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

const COLOR = /^#[0-9a-fA-F]{6}$/;

function text(value) {
  return value === null || value === undefined ? '' : String(value);
}

function numbers(values) {
  return Array.isArray(values) ? values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)) : [];
}

function configOf(spec) {
  const type = spec.type === 'line' ? 'line' : 'bar';
  const stacked = spec.stacked === true;
  const datasets = (Array.isArray(spec.datasets) ? spec.datasets : []).map((d) => {
    const color = COLOR.test(text(d.color)) ? d.color : '#607d8b';
    return {
      label: text(d.label),
      data: numbers(d.data),
      backgroundColor: type === 'line' ? color + '33' : color,
      borderColor: color,
      borderWidth: type === 'line' ? 2 : 0,
      pointRadius: type === 'line' ? 2 : 0,
      spanGaps: false,
      fill: type === 'line',
    };
  });
  return {
    type,
    data: { labels: (Array.isArray(spec.labels) ? spec.labels : []).map(text), datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } },
      scales: {
        x: { stacked },
        y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  };
}

class ClubChart extends HTMLElement {
  static get observedAttributes() {
    return ['chart'];
  }

  connectedCallback() {
    if (!this.canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this.canvas = document.createElement('canvas');
      this.appendChild(this.canvas);
    }
    this.draw();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = undefined;
    }
  }

  attributeChangedCallback() {
    if (this.isConnected) {
      this.draw();
    }
  }

  draw() {
    let spec;
    try {
      spec = JSON.parse(this.getAttribute('chart') || '{}');
    } catch (e) {
      spec = {};
    }
    if (this.chart) {
      this.chart.destroy();
    }
    this.chart = new Chart(this.canvas, configOf(spec));
  }
}

if (!customElements.get('club-chart')) {
  customElements.define('club-chart', ClubChart);
}
